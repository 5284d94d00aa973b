using System.Text.Json.Nodes;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Settings;

/// <summary>A module's settings schema, compiled once: the validator, the secret names and the defaults.</summary>
internal sealed class CompiledSettingsSchema
{
    private readonly CompiledSchema _validator;

    private CompiledSettingsSchema(string moduleId, JsonObject schema, CompiledSchema validator, IReadOnlyList<string> secrets)
    {
        ModuleId = moduleId;
        Schema = schema;
        _validator = validator;
        Secrets = secrets;
    }

    public string ModuleId { get; }

    /// <summary>The schema; never handed out without cloning.</summary>
    public JsonObject Schema { get; }

    /// <summary>The top-level properties marked <c>"writeOnly": true</c>, in schema order.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public static CompiledSettingsSchema Compile(string moduleId, JsonObject schema, JsonSchemaCompiler compiler)
    {
        CompiledSchema validator;
        try
        {
            validator = compiler.Compile(schema.ToJsonString());
        }
        catch (SchemaDefinitionException e)
        {
            throw SettingsMessages.InvalidSchema(moduleId, e);
        }

        var secrets = new List<string>();
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject { } definition && definition["writeOnly"] is JsonValue flag &&
                    flag.TryGetValue<bool>(out var writeOnly) && writeOnly)
                {
                    secrets.Add(name);
                }
            }
        }

        return new CompiledSettingsSchema(moduleId, schema, validator, secrets);
    }

    public bool IsSecret(string name) => Secrets.Contains(name, StringComparer.Ordinal);

    /// <summary>Returns every problem with <paramref name="values"/>, with JSON pointers relative to the values.</summary>
    public IReadOnlyList<CrmError> Validate(JsonObject values)
    {
        if (_validator.IsValid(values))
        {
            return [];
        }

        var violations = new List<SchemaViolation>();
        _validator.Validate(values, violations);
        var errors = new List<CrmError>(violations.Count);
        foreach (var violation in violations)
        {
            errors.Add(violation.Keyword == "additionalProperties"
                ? SettingsMessages.UnknownProperty(violation.Pointer, LastSegment(violation.Pointer))
                : Validation.RecordValidator.Map(violation));
        }

        return errors;
    }

    /// <summary>Returns a copy of <paramref name="values"/> with the schema's defaults filled in where values are absent.</summary>
    public JsonObject WithDefaults(JsonObject values)
    {
        var result = values.DeepClone().AsObject();
        ApplyDefaults(Schema, result);
        return result;
    }

    private static string LastSegment(string pointer) =>
        pointer[(pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static void ApplyDefaults(JsonObject schema, JsonObject values)
    {
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }

        foreach (var (name, property) in properties)
        {
            if (property is not JsonObject definition)
            {
                continue;
            }

            if (!values.TryGetPropertyValue(name, out var value) || value is null)
            {
                if (definition.TryGetPropertyValue("default", out var fallback) && fallback is not null)
                {
                    values[name] = fallback.DeepClone();
                }
            }
            else if (value is JsonObject nested)
            {
                // Defaults inside an object that is set apply too, so adding a nested setting needs no migration.
                ApplyDefaults(definition, nested);
            }
        }
    }
}
