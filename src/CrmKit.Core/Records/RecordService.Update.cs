using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Core.Validation;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Records;

internal sealed partial class RecordService
{
    public async Task<CrmRecord> UpdateAsync(
        CrmPrincipal principal, string entity, Guid id, JsonObject changes, long? expectedVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(changes);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Update);
        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);
        var errors = new List<CrmError>();
        var patch = (JsonObject)changes.DeepClone();
        var ownerChanged = TryTakeOwner(patch, "", errors, out var owner);

        // A hidden field may not even be named (whether the answer differs would reveal its value).
        access.CheckWrites(patch.Select(p => p.Key), NoFields, "");

        // PreValidation is the cheap rejection: it runs before the write transaction, on the record as read then.
        // The write transaction re-reads it, and a change made in between is the usual version conflict.
        StoredRecord? seen = null;
        JsonObject? seenTarget = null;
        HashSet<string>? seenChanged = null;
        if (pipeline.HasHooks(entity, PipelineStage.PreValidation))
        {
            seen = await LoadForPreValidationAsync(compiled, id, expectedVersion, access, AccessRight.Update, cancellationToken);
            (seenTarget, seenChanged) = Merge(seen, patch);
            access.CheckWrites(seenChanged, seenChanged, "");
            await RunStageAsync(compiled, RecordOperation.Update, PipelineStage.PreValidation, id, RecordJson.ToRecord(entity, seen),
                seenTarget, seenChanged, principal, depth.Depth, null, cancellationToken);
        }

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        await freshness.EnsureCurrentAsync(session, compiled, cancellationToken);
        var row = await LoadLiveAsync(session, compiled, id, expectedVersion, access, AccessRight.Update, cancellationToken);
        EnsureUnchanged(row, seen);
        var pre = RecordJson.ToRecord(entity, row);
        var (target, changed) = seenTarget is not null ? (seenTarget, seenChanged!) : Merge(row, patch);
        access.CheckWrites(changed, changed, "");
        ownerChanged &= owner != row.OwnerId;
        if (ownerChanged)
        {
            CheckOwner(access, AccessRight.Update, owner, "");
        }

        RecordValidator.Validate(compiled, target, changed, "", errors);
        if (errors.Count == 0)
        {
            if (compiled.LookupFields.Any(f => changed.Contains(f.Name)))
            {
                await CheckLookupsAsync(session, compiled, [(target, "")], errors, principal, changed, cancellationToken);
            }
        }

        if (errors.Count > 0)
        {
            throw CoreMessages.Validation(errors);
        }

        // Normalization may turn a changed value back into the stored one ("+7 916..." vs "8 916...").
        changed.RemoveWhere(name => JsonNode.DeepEquals(pre.Values[name], target[name]));
        if (changed.Count == 0 && !ownerChanged)
        {
            return access.Strip(pre);
        }

        if (pipeline.HasHooks(entity, PipelineStage.PreOperation))
        {
            await RunStageAsync(compiled, RecordOperation.Update, PipelineStage.PreOperation, id, pre, target, changed,
                principal, depth.Depth, null, cancellationToken);
            RecordValidator.Validate(compiled, target, normalize: null, "", errors);
            if (errors.Count > 0)
            {
                throw CoreMessages.Validation(errors);
            }
        }
        var now = clock.GetUtcNow();
        var next = row.Next(principal.UserId, now, RecordJson.Serialize(target), row.DeletedAt, ownerChanged ? owner : row.OwnerId);
        await WriteAsync(session, compiled.Storage, next, row.Version, cancellationToken);
        if (_audit)
        {
            var (oldValues, newValues) = AuditEntries.Changes(pre.Values, target, row.OwnerId, next.OwnerId);
            await AuditAsync(session, [AuditEntries.For(AuditEntries.Update, entity, next, principal, now, oldValues, newValues)], cancellationToken);
        }

        var post = RecordJson.ToRecord(entity, next, target);
        await RunStageAsync(compiled, RecordOperation.Update, PipelineStage.PostOperation, id, pre, target, changed,
            principal, depth.Depth, post, cancellationToken);
        await QueuePostCommitAsync(compiled, RecordOperation.Update, id, pre, target, changed, principal, depth.Depth, post, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return access.Strip(post);
    }

    /// <summary>Applies a patch to the stored values; returns the new values and the fields that really changed.</summary>
    private static (JsonObject Target, HashSet<string> Changed) Merge(StoredRecord row, JsonObject patch)
    {
        var target = RecordJson.Parse(row.Data);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in patch)
        {
            if (!JsonNode.DeepEquals(target[name], value))
            {
                changed.Add(name);
            }
        }

        foreach (var name in changed)
        {
            target[name] = patch[name]?.DeepClone();
        }

        return (target, changed);
    }

    private static async Task WriteAsync(
        ICrmStoreSession session, EntityStorageModel model, StoredRecord next, long expected, CancellationToken cancellationToken)
    {
        bool written;
        try
        {
            written = await session.UpdateAsync(model, next, expected, cancellationToken);
        }
        catch (UniqueConstraintException e)
        {
            throw UniqueViolation(e);
        }

        if (!written)
        {
            // The write session holds the write lock, so this only happens if the row vanished underneath us.
            throw VersionConflict(next.Version - 1, expected);
        }
    }
}
