using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Fields;

/// <summary>What a field type is: its name, how its values are stored and compared, and its base JSON Schema.</summary>
public sealed class FieldTypeDescriptor
{
    private readonly JsonObject _baseSchema;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="name">The type name used in <c>x-crm-type</c> (lower case, dotted for plugin types).</param>
    /// <param name="valueKind">How values are stored and compared.</param>
    /// <param name="baseSchema">
    /// JSON Schema keywords every field of this type carries, for example <c>{"type": "string", "format": "email"}</c>.
    /// </param>
    /// <param name="displayName">The localized name shown to users.</param>
    public FieldTypeDescriptor(string name, FieldValueKind valueKind, JsonObject baseSchema, LocalizedText displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        ValueKind = valueKind;
        _baseSchema = (JsonObject)baseSchema.DeepClone();
        DisplayName = displayName;
    }

    /// <summary>The type name used in <c>x-crm-type</c>.</summary>
    public string Name { get; }

    /// <summary>How values are stored and compared.</summary>
    public FieldValueKind ValueKind { get; }

    /// <summary>The localized name shown to users.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>Whether fields of this type may be indexed, unique, filtered and sorted.</summary>
    public bool Comparable => ValueKind is not FieldValueKind.Json;

    /// <summary>Returns a copy of the base JSON Schema keywords.</summary>
    /// <returns>A new JSON object the caller may change.</returns>
    public JsonObject GetBaseSchema() => (JsonObject)_baseSchema.DeepClone();
}
