using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Settings;

/// <summary>
/// The JSON Schema (draft 2020-12, an object schema) of a module's settings, registered as a singleton by
/// <see cref="SettingsBuilderExtensions.AddSettings"/>. Top-level properties marked <c>"writeOnly": true</c> are
/// secrets: stored and given to the module, never returned by the API. The schema is copied on the way in and out,
/// so nobody can change it after registration.
/// </summary>
public sealed class ModuleSettingsSchema
{
    private readonly JsonObject _schema;

    /// <summary>Creates the schema of a module's settings.</summary>
    /// <param name="moduleId">The id of the module (for a plugin, the plugin id).</param>
    /// <param name="schema">The JSON Schema; it must say <c>"type": "object"</c>. It is deep-cloned.</param>
    /// <exception cref="ArgumentException">The id is empty, or the schema is not an object schema.</exception>
    public ModuleSettingsSchema(string moduleId, JsonObject schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moduleId);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema["type"] is not JsonValue type || !type.TryGetValue<string>(out var name) || name != "object")
        {
            throw new ArgumentException("A settings schema must be an object schema (\"type\": \"object\").", nameof(schema));
        }

        ModuleId = moduleId;
        _schema = schema.DeepClone().AsObject();
    }

    /// <summary>The id of the module whose settings this schema describes.</summary>
    public string ModuleId { get; }

    /// <summary>Returns a copy of the schema.</summary>
    /// <returns>A deep clone; changing it changes nothing registered.</returns>
    public JsonObject GetSchema() => _schema.DeepClone().AsObject();
}
