namespace CrmKit.Sdk.Records;

/// <summary>A query over one entity's records. docs/filter-syntax.md describes the filter and sort syntax.</summary>
public sealed class RecordQuery
{
    /// <summary>The largest page size the services accept.</summary>
    public const int MaxLimit = 1000;

    /// <summary>A filter such as <c>stage eq 'won' and amount ge 1000</c>; null for all records.</summary>
    public string? Filter { get; init; }

    /// <summary>A sort such as <c>amount desc, created_at</c>; null sorts by id (creation order).</summary>
    public string? Sort { get; init; }

    /// <summary>The fields to return; null or empty for all.</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>The page size (1 to <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The opaque cursor of the page before, from <see cref="RecordPage.NextCursor"/>.</summary>
    public string? After { get; init; }

    /// <summary>Whether to count all matching records.</summary>
    public bool IncludeTotal { get; init; }

    /// <summary>Whether to query the deleted records (the recycle bin) instead of the live ones.</summary>
    public bool Deleted { get; init; }

    /// <summary>
    /// Whether the query feeds an export (CSV, an accounting exchange): the caller's export permission and its scope
    /// apply instead of the read permission. Field-level security applies either way.
    /// </summary>
    public bool Export { get; init; }
}
