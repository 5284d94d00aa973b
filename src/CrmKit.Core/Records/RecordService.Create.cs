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

        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);
        var now = clock.GetUtcNow();
        var batch = values.Count > 1;
        var errors = new List<CrmError>();
        var drafts = new List<(JsonObject Values, string Pointer)>(values.Count);
        var ids = new Guid[values.Count];
        var preValidation = pipeline.HasHooks(entity, PipelineStage.PreValidation);
        var owners = new string?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var target = (JsonObject)values[i].DeepClone();
            var pointer = batch ? "/" + i : "";
            ids[i] = Guid.CreateVersion7(now);
            TryTakeOwner(target, pointer, errors, out owners[i]);
            if (preValidation)
            {
                var changed = target.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
                await RunStageAsync(compiled, RecordOperation.Create, PipelineStage.PreValidation, ids[i], null, target,
                    changed, principal, depth.Depth, null, cancellationToken);
            }

            RecordValidator.Validate(compiled, target, normalize: null, pointer, errors);
            drafts.Add((target, pointer));
        }

        if (errors.Count > 0)
        {
            throw CoreMessages.Validation(errors);
        }

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        await CheckLookupsAsync(session, registry, compiled, drafts, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw CoreMessages.Validation(errors);
        }

        var rows = new StoredRecord[drafts.Count];
        var preOperation = pipeline.HasHooks(entity, PipelineStage.PreOperation);
        for (var i = 0; i < drafts.Count; i++)
        {
            if (preOperation)
            {
                // What a PreOperation hook writes is validated like what the caller sent.
                await RunStageAsync(compiled, RecordOperation.Create, PipelineStage.PreOperation, ids[i], null, drafts[i].Values,
                    NoFields, principal, depth.Depth, null, cancellationToken);
                RecordValidator.Validate(compiled, drafts[i].Values, normalize: null, drafts[i].Pointer, errors);
                if (errors.Count > 0)
                {
                    throw CoreMessages.Validation(errors);
                }
            }

            rows[i] = new StoredRecord
            {
                Id = ids[i],
                Version = 1,
                CreatedAt = now,
                CreatedBy = principal.UserId,
                UpdatedAt = now,
                UpdatedBy = principal.UserId,
                OwnerId = owners[i],
                Data = RecordJson.Serialize(drafts[i].Values),
            };
        }

        try
        {
            await session.InsertAsync(compiled.Storage, rows, cancellationToken);
        }
        catch (UniqueConstraintException e)
        {
            throw UniqueViolation(e);
        }

        var records = new CrmRecord[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            records[i] = ToRecord(entity, rows[i], drafts[i].Values);
            await RunStageAsync(compiled, RecordOperation.Create, PipelineStage.PostOperation, ids[i], null, drafts[i].Values,
                NoFields, principal, depth.Depth, records[i], cancellationToken);
        }

        await lease.CommitAsync(cancellationToken);
        return records;
    }

    private static CrmRecord ToRecord(string entity, StoredRecord row, JsonObject values) => new()
    {
        Entity = entity,
        Id = row.Id,
        Version = row.Version,
        CreatedAt = row.CreatedAt,
        CreatedBy = row.CreatedBy,
        UpdatedAt = row.UpdatedAt,
        UpdatedBy = row.UpdatedBy,
        OwnerId = row.OwnerId,
        DeletedAt = row.DeletedAt,
        Values = values,
    };
}
