using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Metadata;

/// <summary>
/// A field of an entity as read from the entity's JSON Schema document: the property schema plus its
/// <c>x-crm-*</c> semantics. Instances are immutable snapshots of one metadata version.
/// </summary>
public sealed class FieldDefinition
{
    private readonly JsonObject _schema;

    /// <summary>Creates a field definition. Hosts create these from schema documents; plugins use builders.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="type">The CrmKit field type name.</param>
    /// <param name="schema">The property's JSON Schema; it is copied.</param>
    /// <param name="labels">The localized labels.</param>
    /// <param name="required">Whether the entity requires the field.</param>
    public FieldDefinition(string name, string type, JsonObject schema, LocalizedText labels, bool required)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Name = name;
        Type = type;
        _schema = (JsonObject)schema.DeepClone();
        Labels = labels;
        Required = required;
    }

    /// <summary>The property name.</summary>
    public string Name { get; }

    /// <summary>The CrmKit field type name (<c>string</c>, <c>money</c>, <c>lookup</c>...).</summary>
    public string Type { get; }

    /// <summary>The localized labels.</summary>
    public LocalizedText Labels { get; }

    /// <summary>Whether the entity lists the field in <c>required</c>.</summary>
    public bool Required { get; }

    /// <summary>Whether the host maintains the field (id, timestamps, version...).</summary>
    public bool IsSystem { get; init; }

    /// <summary>Whether a database index is kept on the field.</summary>
    public bool Indexed { get; init; }

    /// <summary>Whether the value is unique among live records.</summary>
    public bool Unique { get; init; }

    /// <summary>The module or plugin that owns the field; null for fields defined by users.</summary>
    public string? Owner { get; init; }

    /// <summary>The lookup target for lookup fields; null otherwise.</summary>
    public LookupDefinition? Lookup { get; init; }

    /// <summary>The allowed values of enum and multi-enum fields, in order; empty otherwise.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    /// <summary>Labels of the enum options keyed by value.</summary>
    public IReadOnlyDictionary<string, LocalizedText> OptionLabels { get; init; } =
        new Dictionary<string, LocalizedText>(StringComparer.Ordinal);

    /// <summary>Returns a copy of the property's JSON Schema.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetSchema() => (JsonObject)_schema.DeepClone();

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Type}";
}
