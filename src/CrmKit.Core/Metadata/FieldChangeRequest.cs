using System.Text.Json.Nodes;

namespace CrmKit.Core.Metadata;

/// <summary>A request to add or change a field.</summary>
public sealed class FieldChangeRequest
{
    /// <summary>
    /// The field's JSON Schema property with its <c>x-crm-*</c> keywords, for example
    /// <c>{"x-crm-type": "string", "maxLength": 80, "x-crm-labels": {"en": "Nickname"}}</c>.
    /// The field type's base keywords are added when missing.
    /// </summary>
    public required JsonObject Schema { get; init; }

    /// <summary>Whether the field is required; null keeps the current setting (false for a new field).</summary>
    public bool? Required { get; init; }

    /// <summary>How existing values are converted.</summary>
    public FieldConversion Conversion { get; init; }

    /// <summary>
    /// Apply the change even though existing values violate it. The violating values are moved to a field archive
    /// (restorable), never dropped.
    /// </summary>
    public bool Force { get; init; }
}
