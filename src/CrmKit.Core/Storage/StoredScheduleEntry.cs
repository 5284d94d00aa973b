namespace CrmKit.Core.Storage;

/// <summary>
/// A row of the workflow scheduler's state (<c>crm_schedule</c>): the last fired occurrence of a cron workflow, the
/// due instant of a relative-date workflow for one record, or an assignment cursor. Keyed by a string the engine builds.
/// </summary>
public sealed class StoredScheduleEntry
{
    /// <summary>The key, for example <c>cron:daily-digest</c> or <c>date:reminder:{recordId}</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The workflow's name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The record's entity, for a relative-date entry.</summary>
    public string? Entity { get; init; }

    /// <summary>The record's id, for a relative-date entry.</summary>
    public Guid? RecordId { get; init; }

    /// <summary>When the entry falls due (indexed); null for an entry that only holds a value.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>A value: the last fired occurrence, a cursor.</summary>
    public string? Value { get; init; }
}
