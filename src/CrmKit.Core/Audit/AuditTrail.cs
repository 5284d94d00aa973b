using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Records;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Audit;

/// <summary>The default <see cref="IAuditTrail"/>: the viewer's read scope on the record, and masking of hidden fields.</summary>
internal sealed class AuditTrail(ICrmStore store, MetadataRegistry registry, AccessControl accessControl) : IAuditTrail
{
    public const int MaxLimit = 200;

    public async Task<AuditPage> GetHistoryAsync(
        CrmPrincipal principal, string entity, Guid recordId, long? before = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Read);
        if (limit is < 1 or > MaxLimit)
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "query.invalid_limit", "/limit", MaxLimit);
        }

        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        var row = await lease.Session.GetAsync(compiled.Storage, recordId, cancellationToken);
        if (row is null || !access.Covers(AccessRight.Read, row.OwnerId))
        {
            throw CoreMessages.RecordNotFound(entity, recordId);
        }

        var entries = await lease.Session.ReadAuditAsync(entity, recordId, before, limit + 1, cancellationToken);
        var page = entries.Take(limit).Select(e => ToRecord(e, access)).ToList();
        return new AuditPage(page, entries.Count > limit ? page[^1].Sequence : null);
    }

    private static AuditRecord ToRecord(StoredAuditEntry entry, RecordAccess access)
    {
        var oldValues = entry.OldValues is null ? null : RecordJson.Parse(entry.OldValues);
        var newValues = entry.NewValues is null ? null : RecordJson.Parse(entry.NewValues);
        var fields = (oldValues?.Select(p => p.Key) ?? []).Union(newValues?.Select(p => p.Key) ?? [], StringComparer.Ordinal);
        var changes = new List<AuditChange>();
        foreach (var field in fields.Order(StringComparer.Ordinal))
        {
            var masked = !access.IsUnrestricted && !SystemFields.Contains(field) && !access.Entity.CanRead(field);
            changes.Add(new AuditChange
            {
                Field = field,
                Old = masked ? null : Value(oldValues, field),
                New = masked ? null : Value(newValues, field),
                Masked = masked,
            });
        }

        return new AuditRecord
        {
            Sequence = entry.Sequence,
            Operation = entry.Operation,
            At = entry.At,
            UserId = entry.UserId,
            UserName = entry.UserName,
            Channel = entry.Channel,
            Source = entry.Source,
            RecordVersion = entry.RecordVersion,
            Changes = changes,
        };
    }

    private static JsonNode? Value(JsonObject? values, string field) =>
        values is not null && values.TryGetPropertyValue(field, out var value) ? value?.DeepClone() : null;
}
