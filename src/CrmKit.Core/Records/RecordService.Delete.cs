using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Metadata;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Query;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Records;

internal sealed partial class RecordService
{
    public async Task<CrmRecord> DeleteAsync(
        CrmPrincipal principal, string entity, Guid id, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Delete);
        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);

        // PreValidation runs before the write transaction (see UpdateAsync).
        StoredRecord? seen = null;
        if (pipeline.HasHooks(entity, PipelineStage.PreValidation))
        {
            seen = await LoadForPreValidationAsync(compiled, id, expectedVersion, access, AccessRight.Delete, cancellationToken);
            await RunStageAsync(compiled, RecordOperation.Delete, PipelineStage.PreValidation, id, RecordJson.ToRecord(entity, seen),
                RecordJson.Parse(seen.Data), NoFields, principal, depth.Depth, null, cancellationToken);
        }

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        var row = await LoadLiveAsync(session, compiled, id, expectedVersion, access, AccessRight.Delete, cancellationToken);
        EnsureUnchanged(row, seen);
        var pre = RecordJson.ToRecord(entity, row);
        var target = RecordJson.Parse(row.Data);
        await ReleaseReferencesAsync(session, entity, id, principal, access.IsUnrestricted, cancellationToken);
        await RunStageAsync(compiled, RecordOperation.Delete, PipelineStage.PreOperation, id, pre, target, NoFields,
            principal, depth.Depth, null, cancellationToken);
        var now = clock.GetUtcNow();
        var next = row.Next(principal.UserId, now, row.Data, deletedAt: now, row.OwnerId);
        await WriteAsync(session, compiled.Storage, next, row.Version, cancellationToken);
        await AuditAsync(session, [AuditEntries.For(AuditEntries.Delete, entity, next, principal, now, null, null)], cancellationToken);
        var post = RecordJson.ToRecord(entity, next);
        await RunStageAsync(compiled, RecordOperation.Delete, PipelineStage.PostOperation, id, pre, target, NoFields,
            principal, depth.Depth, post, cancellationToken);
        await QueuePostCommitAsync(compiled, RecordOperation.Delete, id, pre, target, NoFields, principal, depth.Depth, post, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return access.Strip(post);
    }

    public async Task<CrmRecord> RestoreAsync(
        CrmPrincipal principal, string entity, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Delete);
        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        var row = await session.GetAsync(compiled.Storage, id, cancellationToken) ?? throw CoreMessages.RecordNotFound(entity, id);
        EnsureCovered(access, row, AccessRight.Delete);
        if (row.DeletedAt is null)
        {
            throw CoreMessages.Exception(CrmErrorKind.Conflict, "record.not_deleted");
        }

        var pre = RecordJson.ToRecord(entity, row);
        var target = RecordJson.Parse(row.Data);
        var errors = new List<CrmError>();
        await CheckLookupsAsync(session, compiled, [(target, "")], errors, principal, fields: null, cancellationToken);
        if (errors.Count > 0)
        {
            throw new CrmException(CrmErrorKind.Conflict, "lookup.not_found", errors[0].Message, errors);
        }

        await RunStageAsync(compiled, RecordOperation.Restore, PipelineStage.PreOperation, id, pre, target, NoFields,
            principal, depth.Depth, null, cancellationToken);
        var now = clock.GetUtcNow();
        var next = row.Next(principal.UserId, now, row.Data, deletedAt: null, row.OwnerId);
        await WriteAsync(session, compiled.Storage, next, row.Version, cancellationToken);
        await AuditAsync(session, [AuditEntries.For(AuditEntries.Restore, entity, next, principal, now, null, null)], cancellationToken);
        var post = RecordJson.ToRecord(entity, next);
        await RunStageAsync(compiled, RecordOperation.Restore, PipelineStage.PostOperation, id, pre, target, NoFields,
            principal, depth.Depth, post, cancellationToken);
        await QueuePostCommitAsync(compiled, RecordOperation.Restore, id, pre, target, NoFields, principal, depth.Depth, post, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return access.Strip(post);
    }

    /// <summary>
    /// Refuses the delete while restrict lookups point here; clears set-null lookups (audited as updates by the caller).
    /// Only an unrestricted caller is told which records hold the references, since the others may not see them.
    /// </summary>
    private async Task ReleaseReferencesAsync(
        ICrmStoreSession session, string entity, Guid id, CrmPrincipal principal, bool showIds, CancellationToken cancellationToken)
    {
        foreach (var (source, field) in registry.FindReferences(entity))
        {
            var reference = new FieldReference(field.Name, FieldValueKind.Reference, IsSystem: false);
            var query = new StoreQuery
            {
                Filter = new ComparisonFilter(reference, ComparisonOperator.Eq, id.ToString("D")),
                Sort = [new SortKey(new FieldReference(SystemFields.Id, FieldValueKind.Reference, true), false)],
                Limit = field.Lookup!.OnDelete == LookupDeleteBehavior.Restrict ? _options.ViolationSampleSize : int.MaxValue,
            };
            var referencing = await session.QueryAsync(source.Storage, query, cancellationToken);
            if (referencing.Count == 0)
            {
                continue;
            }

            if (field.Lookup.OnDelete == LookupDeleteBehavior.Restrict)
            {
                var count = await session.CountAsync(source.Storage, query.Filter, deleted: false, cancellationToken);
                var e = CoreMessages.Exception(CrmErrorKind.Conflict, "record.referenced", count, source.Name, field.Name);
                e.Extensions["references"] = showIds
                    ? new { entity = source.Name, field = field.Name, count, recordIds = referencing.Select(r => r.Id).ToArray() }
                    : new { entity = source.Name, field = field.Name, count, recordIds = Array.Empty<Guid>() };
                throw e;
            }

            var now = clock.GetUtcNow();
            var entries = new List<StoredAuditEntry>(referencing.Count);
            foreach (var row in referencing)
            {
                var before = RecordJson.Parse(row.Data);
                var data = RecordJson.Parse(row.Data);
                data.Remove(field.Name);
                var next = row.Next(principal.UserId, now, RecordJson.Serialize(data));
                await WriteAsync(session, source.Storage, next, row.Version, cancellationToken);
                var (oldValues, newValues) = AuditEntries.Changes(before, data, row.OwnerId, row.OwnerId);
                entries.Add(AuditEntries.For(AuditEntries.Update, source.Name, next, principal, now, oldValues, newValues));
            }

            await AuditAsync(session, entries, cancellationToken);
        }
    }
}
