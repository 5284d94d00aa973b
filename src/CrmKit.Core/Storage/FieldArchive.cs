namespace CrmKit.Core.Storage;

/// <summary>The values of a removed (or forcibly converted) field, kept so they can be restored.</summary>
public sealed class FieldArchive
{
    /// <summary>The archive id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The entity name.</summary>
    public required string Entity { get; init; }

    /// <summary>The field name.</summary>
    public required string Field { get; init; }

    /// <summary>The metadata version the change produced.</summary>
    public required long SchemaVersion { get; init; }

    /// <summary>The field's JSON Schema property before the change (JSON text).</summary>
    public required string FieldSchema { get; init; }

    /// <summary>Whether the field was required before the change.</summary>
    public required bool Required { get; init; }

    /// <summary>Why the values were archived: <c>removed</c> or <c>forced</c>.</summary>
    public required string Reason { get; init; }

    /// <summary>The archived values: a JSON object text mapping record id to value.</summary>
    public required string Values { get; init; }

    /// <summary>How many values were archived.</summary>
    public required int Count { get; init; }

    /// <summary>When the values were archived (UTC).</summary>
    public required DateTimeOffset ArchivedAt { get; init; }

    /// <summary>Who archived them.</summary>
    public required string ArchivedBy { get; init; }

    /// <summary>When they were restored, if they were.</summary>
    public DateTimeOffset? RestoredAt { get; init; }
}
