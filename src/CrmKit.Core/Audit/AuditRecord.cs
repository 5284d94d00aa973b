namespace CrmKit.Core.Audit;

/// <summary>One entry of a record's history, as a viewer may see it.</summary>
public sealed class AuditRecord
{
    /// <summary>The entry's position in the trail; entries of one record are ordered by it.</summary>
    public required long Sequence { get; init; }

    /// <summary><c>create</c>, <c>update</c>, <c>delete</c> or <c>restore</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who: the acting principal's id.</summary>
    public required string UserId { get; init; }

    /// <summary>Who: the acting principal's display name at the time.</summary>
    public required string UserName { get; init; }

    /// <summary>Through what: <c>rest</c>, <c>cli</c>, <c>workflow</c>, <c>plugin</c>, <c>import</c>, <c>exchange</c>, <c>system</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The plugin or workflow that made the change within the channel, if any.</summary>
    public string? Source { get; init; }

    /// <summary>The record version the change produced.</summary>
    public required long RecordVersion { get; init; }

    /// <summary>The changed fields, ordered by name.</summary>
    public required IReadOnlyList<AuditChange> Changes { get; init; }
}
