namespace CrmKit.Core.Storage;

/// <summary>One background index build and, while it runs, its progress (see <see cref="IStoreIndexBuilds"/>).</summary>
public sealed record StoreIndexBuild
{
    /// <summary>The entity.</summary>
    public required string Entity { get; init; }

    /// <summary>The indexed field.</summary>
    public required string Field { get; init; }

    /// <summary>The index name.</summary>
    public required string Index { get; init; }

    /// <summary>pending (queued), building, ready or failed.</summary>
    public required string State { get; init; }

    /// <summary>When the metadata change that asked for the index committed.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When the current or last build started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last build ended (ready or failed).</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>While building: the database's phase of the build, for example "building index: scanning table".</summary>
    public string? Phase { get; init; }

    /// <summary>While building: the blocks (or tuples, when the phase counts those) done so far.</summary>
    public long? Done { get; init; }

    /// <summary>While building: the blocks (or tuples) the phase has to go through, when known.</summary>
    public long? Total { get; init; }

    /// <summary>Why the last build failed.</summary>
    public string? Error { get; init; }
}
