using System.Text.Json.Nodes;

namespace CrmKit.Core.Audit;

/// <summary>One field's change in an audit entry.</summary>
public sealed class AuditChange
{
    /// <summary>The field name (<c>owner_id</c> for a change of owner).</summary>
    public required string Field { get; init; }

    /// <summary>The value before the change; null when it had none, or when <see cref="Masked"/>.</summary>
    public JsonNode? Old { get; init; }

    /// <summary>The value after the change; null when it has none, or when <see cref="Masked"/>.</summary>
    public JsonNode? New { get; init; }

    /// <summary>Whether the values are withheld because the viewer may not read the field.</summary>
    public bool Masked { get; init; }
}
