using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Core.Validation;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Records;

internal sealed partial class RecordService
{
    private const int ParallelThreshold = 64;

    private static readonly IReadOnlySet<string> NoFields = new HashSet<string>();

    public async Task<IReadOnlyList<CrmRecord>> CreateAsync(
        CrmPrincipal principal, string entity, IReadOnlyList<JsonObject> values, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(values);
        var compiled = registry.Get(entity);
        if (values.Count > _options.MaxBatchSize)
        {
            throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "record.batch_too_large", "", _options.MaxBatchSize);
        }

        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Create);
        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);
        var now = clock.GetUtcNow();
        var batch = values.Count > 1;
        var count = values.Count;
        var drafts = new (JsonObject Values, string Pointer)[count];
        var ids = new Guid[count];
        var owners = new string?[count];
        var perRecord = new List<CrmError>[count];
        var preValidation = pipeline.HasHooks(entity, PipelineStage.PreValidation);
        for (var i = 0; i < count; i++)
        {
            drafts[i] = ((JsonObject)values[i].DeepClone(), batch ? "/" + i : "");
            ids[i] = RecordIds.Next(now);
            perRecord[i] = [];
            var ownerGiven = drafts[i].Values.ContainsKey(SystemFields.OwnerId);
            TryTakeOwner(drafts[i].Values, drafts[i].Pointer, perRecord[i], out owners[i]);

            // A record is owned by whoever creates it unless the caller names another owner (the host owns nothing).
            if (!ownerGiven && principal.UserId != CrmPrincipal.System.UserId)
            {
                owners[i] = principal.UserId;
            }

            if (!access.IsUnrestricted)
            {
                CheckOwner(access, AccessRight.Create, owners[i], drafts[i].Pointer);
                var named = drafts[i].Values.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                access.CheckWrites(named, named, drafts[i].Pointer);
            }

            if (preValidation)
            {
                var changed = drafts[i].Values.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                await RunStageAsync(compiled, RecordOperation.Create, PipelineStage.PreValidation, ids[i], null, drafts[i].Values,
                    changed, principal, depth.Depth, null, cancellationToken);
            }
        }

        ForEachRecord(count, i => RecordValidator.Validate(compiled, drafts[i].Values, normalize: null, drafts[i].Pointer, perRecord[i]));
        var errors = perRecord.SelectMany(e => e).ToList();
        if (errors.Count > 0)
        {
            throw CoreMessages.Validation(errors);
        }

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        await freshness.EnsureCurrentAsync(session, compiled, cancellationToken);
        await CheckLookupsAsync(session, compiled, drafts, errors, principal, fields: null, cancellationToken);
        if (errors.Count > 0)
        {
            throw CoreMessages.Validation(errors);
        }

        if (pipeline.HasHooks(entity, PipelineStage.PreOperation))
        {
            for (var i = 0; i < count; i++)
            {
                await RunStageAsync(compiled, RecordOperation.Create, PipelineStage.PreOperation, ids[i], null, drafts[i].Values,
                    NoFields, principal, depth.Depth, null, cancellationToken);
            }

            // What a PreOperation hook writes is validated like what the caller sent.
            ForEachRecord(count, i => RecordValidator.Validate(compiled, drafts[i].Values, normalize: null, drafts[i].Pointer, perRecord[i]));
            errors = perRecord.SelectMany(e => e).ToList();
            if (errors.Count > 0)
            {
                throw CoreMessages.Validation(errors);
            }
        }

        var rows = new StoredRecord[count];
        ForEachRecord(count, i => rows[i] = new StoredRecord
        {
            Id = ids[i],
            Version = 1,
            CreatedAt = now,
            CreatedBy = principal.UserId,
            UpdatedAt = now,
            UpdatedBy = principal.UserId,
            OwnerId = owners[i],
            Data = RecordJson.Serialize(drafts[i].Values),
        });

        try
        {
            await session.InsertAsync(compiled.Storage, rows, cancellationToken);
        }
        catch (UniqueConstraintException e)
        {
            throw UniqueViolation(e);
        }

        if (_audit)
        {
            // A create's new values are the stored text itself: nothing is serialized twice.
            await AuditAsync(session, [.. rows.Select(row => AuditEntries.For(AuditEntries.Create, entity, row, principal, now, null, row.Data))],
                cancellationToken);
        }

        var records = new CrmRecord[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            records[i] = RecordJson.ToRecord(entity, rows[i], drafts[i].Values);
            await RunStageAsync(compiled, RecordOperation.Create, PipelineStage.PostOperation, ids[i], null, drafts[i].Values,
                NoFields, principal, depth.Depth, records[i], cancellationToken);
            await QueuePostCommitAsync(compiled, RecordOperation.Create, ids[i], null, drafts[i].Values, NoFields, principal,
                depth.Depth, records[i], cancellationToken);
        }

        await lease.CommitAsync(cancellationToken);
        return access.IsUnrestricted ? records : [.. records.Select(access.Strip)];
    }

    /// <summary>
    /// Runs CPU-bound per-record work (validation, serialization) on all cores for large batches. Every step is
    /// independent per record and the compiled validators and field types are thread-safe.
    /// </summary>
    private static void ForEachRecord(int count, Action<int> work)
    {
        if (count < ParallelThreshold || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++)
            {
                work(i);
            }

            return;
        }

        Parallel.For(0, count, work);
    }
}
