namespace CrmKit.Sdk.Records;

/// <summary>One page of a query's results.</summary>
/// <param name="Items">The records on this page.</param>
/// <param name="NextCursor">The cursor for the next page; null on the last page.</param>
/// <param name="Total">The number of matching records, when it was asked for.</param>
public sealed record RecordPage(IReadOnlyList<CrmRecord> Items, string? NextCursor, long? Total);
