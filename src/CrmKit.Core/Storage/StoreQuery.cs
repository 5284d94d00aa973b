using CrmKit.Core.Query;

namespace CrmKit.Core.Storage;

/// <summary>A query a store runs: filter, sort, keyset position and page size.</summary>
public sealed class StoreQuery
{
    /// <summary>The filter; null for all records.</summary>
    public FilterNode? Filter { get; init; }

    /// <summary>
    /// The sort keys. Core always ends the list with the id, so the order is total and keyset paging is exact.
    /// </summary>
    public required IReadOnlyList<SortKey> Sort { get; init; }

    /// <summary>
    /// The values of the sort keys of the last record of the previous page, aligned with <see cref="Sort"/>
    /// (typed as in <see cref="ComparisonFilter.Value"/>, null allowed); null for the first page.
    /// The store returns only records strictly after that position.
    /// </summary>
    public IReadOnlyList<object?>? After { get; init; }

    /// <summary>How many records to return at most.</summary>
    public required int Limit { get; init; }

    /// <summary>Whether to return deleted records only (true) or live records only (false).</summary>
    public bool Deleted { get; init; }
}
