using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Records;

/// <summary>A stored record: the system fields plus the field values as a JSON object.</summary>
public sealed class CrmRecord
{
    /// <summary>The entity the record belongs to.</summary>
    public required string Entity { get; init; }

    /// <summary>The record id (UUIDv7).</summary>
    public required Guid Id { get; init; }

    /// <summary>The optimistic-concurrency version; it starts at 1 and grows by one with every change.</summary>
    public required long Version { get; init; }

    /// <summary>When the record was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who created the record.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When the record last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last changed the record.</summary>
    public required string UpdatedBy { get; init; }

    /// <summary>The user responsible for the record, if any.</summary>
    public string? OwnerId { get; init; }

    /// <summary>When the record was deleted; null while it is live.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The field values (system fields excluded), in canonical form.</summary>
    public required JsonObject Values { get; init; }
}
