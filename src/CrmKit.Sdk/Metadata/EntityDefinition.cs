using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Metadata;

/// <summary>
/// An entity as read from one version of its JSON Schema document (draft 2020-12). The document is the source of
/// truth: it is what the API serves, what editions ship and what validates records.
/// </summary>
public sealed class EntityDefinition
{
    private readonly JsonObject _schema;
    private readonly Dictionary<string, FieldDefinition> _fieldsByName;

    /// <summary>Creates an entity definition. Hosts create these from schema documents; plugins use builders.</summary>
    /// <param name="name">The entity name.</param>
    /// <param name="version">The metadata version of the document.</param>
    /// <param name="labels">The localized labels.</param>
    /// <param name="fields">The fields, system fields included, in document order.</param>
    /// <param name="schema">The whole JSON Schema document; it is copied.</param>
    public EntityDefinition(
        string name, long version, LocalizedText labels, IReadOnlyList<FieldDefinition> fields, JsonObject schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Version = version;
        Labels = labels;
        Fields = fields;
        _schema = (JsonObject)schema.DeepClone();
        _fieldsByName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The entity name (lower snake case, for example <c>contact</c>).</summary>
    public string Name { get; }

    /// <summary>The metadata version; it grows by one with every change.</summary>
    public long Version { get; }

    /// <summary>The localized labels.</summary>
    public LocalizedText Labels { get; }

    /// <summary>The localized plural labels.</summary>
    public LocalizedText? PluralLabels { get; init; }

    /// <summary>The module or plugin that defined the entity; null for entities defined by users.</summary>
    public string? Owner { get; init; }

    /// <summary>All fields, system fields included, in document order.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Finds a field by name.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field, or null.</returns>
    public FieldDefinition? FindField(string name) => _fieldsByName.GetValueOrDefault(name);

    /// <summary>Returns a copy of the entity's JSON Schema document.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetSchema() => (JsonObject)_schema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => $"{Name} v{Version}";
}
