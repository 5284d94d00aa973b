namespace CrmKit.Core.Audit;

/// <summary>A page of a record's history, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Before">The value to pass as <c>before</c> for the next (older) page; null on the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, long? Before);
