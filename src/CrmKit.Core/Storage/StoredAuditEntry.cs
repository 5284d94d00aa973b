namespace CrmKit.Core.Storage;

/// <summary>
/// One entry of the audit trail (table <c>crm_audit</c>): a create, update, delete or restore of a record, who made it,
/// when and through what, with the changed fields' values. Entries are only ever appended (and pruned by age).
/// </summary>
public sealed class StoredAuditEntry
{
    /// <summary>The entry's position in the trail, assigned by the store when appended (0 before).</summary>
    public long Sequence { get; init; }

    /// <summary>The entity of the record.</summary>
    public required string Entity { get; init; }

    /// <summary>The record id.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The operation: <c>create</c>, <c>update</c>, <c>delete</c>, <c>restore</c> or <c>message</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>When the change was made (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The acting principal's id.</summary>
    public required string UserId { get; init; }

    /// <summary>The acting principal's display name at the time.</summary>
    public required string UserName { get; init; }

    /// <summary>The channel the change came through (<c>rest</c>, <c>cli</c>, <c>workflow</c>, <c>plugin</c>...).</summary>
    public required string Channel { get; init; }

    /// <summary>What made the change within the channel: a plugin's id, <c>workflow:&lt;name&gt;</c>; null when the caller itself.</summary>
    public string? Source { get; init; }

    /// <summary>The record version the change produced.</summary>
    public required long RecordVersion { get; init; }

    /// <summary>A JSON object of the changed fields' values before the change; null when there were none (create).</summary>
    public string? OldValues { get; init; }

    /// <summary>A JSON object of the changed fields' values after the change; null when none changed (delete, restore).</summary>
    public string? NewValues { get; init; }
}
