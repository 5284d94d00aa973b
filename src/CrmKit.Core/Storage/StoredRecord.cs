namespace CrmKit.Core.Storage;

/// <summary>A record row as a store keeps it: system columns plus the field values as JSON text.</summary>
public sealed class StoredRecord
{
    /// <summary>The record id (UUIDv7).</summary>
    public required Guid Id { get; init; }

    /// <summary>The optimistic-concurrency version.</summary>
    public required long Version { get; init; }

    /// <summary>When the record was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created the record.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the record last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the record.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>The responsible user, if any.</summary>
    public string? OwnerId { get; init; }

    /// <summary>When the record was deleted; null while live.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>
    /// The field values as a JSON object text, exactly as Core serialized it. Stores keep the text unchanged so
    /// that decimals stay exact.
    /// </summary>
    public required string Data { get; init; }
}
