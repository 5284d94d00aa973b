namespace CrmKit.Core.Query;

/// <summary>One key of a sort. Ascending puts records without a value first; descending puts them last.</summary>
/// <param name="Field">The field.</param>
/// <param name="Descending">Whether the order is descending.</param>
public sealed record SortKey(FieldReference Field, bool Descending);
