using System.Text.Json.Nodes;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Resources;
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
        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);
        var errors = new List<CrmError>();
        var patch = (JsonObject)changes.DeepClone();
        var ownerChanged = TryTakeOwner(patch, "", errors, out var owner);

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        var row = await session.GetAsync(compiled.Storage, id, cancellationToken);
        if (row is null || row.DeletedAt is not null)
        {
            throw CoreMessages.RecordNotFound(entity, id);
        }

        if (expectedVersion is { } expected && expected != row.Version)
        {
            throw VersionConflict(row.Version, expected);
        }

        var pre = RecordJson.ToRecord(entity, row);
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

        ownerChanged &= owner != row.OwnerId;
        await RunStageAsync(compiled, RecordOperation.Update, PipelineStage.PreValidation, id, pre, target, changed,
            principal, depth.Depth, null, cancellationToken);
        RecordValidator.Validate(compiled, target, changed, "", errors);
        if (errors.Count == 0)
        {
            var touched = compiled.LookupFields.Any(f => changed.Contains(f.Name));
            if (touched)
            {
                await CheckLookupsAsync(session, registry, compiled, [(target, "")], errors, cancellationToken);
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
            return pre;
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
        var post = RecordJson.ToRecord(entity, next, target);
        await RunStageAsync(compiled, RecordOperation.Update, PipelineStage.PostOperation, id, pre, target, changed,
            principal, depth.Depth, post, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return post;
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
