namespace CrmKit.Core.Metadata;

/// <summary>A summary of a field archive (the values themselves stay in the store).</summary>
/// <param name="Id">The archive id.</param>
/// <param name="Entity">The entity.</param>
/// <param name="Field">The field.</param>
/// <param name="Reason"><c>removed</c> or <c>forced</c>.</param>
/// <param name="Count">How many values it holds.</param>
/// <param name="SchemaVersion">The metadata version that archived them.</param>
/// <param name="ArchivedAt">When.</param>
/// <param name="ArchivedBy">Who.</param>
/// <param name="RestoredAt">When it was restored, if it was.</param>
public sealed record FieldArchiveInfo(
    Guid Id, string Entity, string Field, string Reason, int Count, long SchemaVersion,
    DateTimeOffset ArchivedAt, string ArchivedBy, DateTimeOffset? RestoredAt);
