namespace CrmKit.Cli.Api;

/// <summary>
/// The <c>references</c> member of a <c>record.referenced</c> problem: the records of <paramref name="Entity"/> whose
/// lookup <paramref name="Field"/> still points at the record that was to be deleted.
/// </summary>
internal sealed record ApiProblemReferences(string? Entity, string? Field, long? Count, IReadOnlyList<string> RecordIds);
