using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Pipeline;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Records;

internal sealed partial class RecordService
{
    public async Task<JsonObject?> SendMessageAsync(
        CrmPrincipal principal, string entity, Guid id, string message, JsonObject input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(input);
        var compiled = registry.Get(entity);
        var access = accessControl.ForRecords(principal, entity);
        access.Demand(AccessRight.Update);
        if (!extensions.TryGet<IRecordMessageHandler>(message, out var handler) ||
            handler.Descriptor.Entity is not "*" && handler.Descriptor.Entity != entity)
        {
            throw CoreMessages.Exception(CrmErrorKind.NotFound, "record.message_not_found", entity, message);
        }

        var owner = extensions.OwnerOf(handler) ?? handler.GetType().Assembly.GetName().Name ?? "?";
        input = (JsonObject)input.DeepClone();
        RecordMessageInput.Validate(handler.Descriptor, owner, input);
        using var depth = PipelineDepth.Enter(_options.MaxPipelineDepth);

        // PreValidation runs before the write transaction (see UpdateAsync).
        StoredRecord? seen = null;
        if (pipeline.HasHooks(entity, PipelineStage.PreValidation))
        {
            seen = await LoadForPreValidationAsync(compiled, id, expectedVersion: null, access, AccessRight.Update, cancellationToken);
            await pipeline.RunAsync(MessageHookContext(
                compiled, message, PipelineStage.PreValidation, RecordJson.ToRecord(entity, seen), principal, depth.Depth), cancellationToken);
        }

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var session = lease.Session;
        await freshness.EnsureCurrentAsync(session, compiled, cancellationToken);
        var row = await LoadLiveAsync(session, compiled, id, expectedVersion: null, access, AccessRight.Update, cancellationToken);
        EnsureUnchanged(row, seen);
        var pre = RecordJson.ToRecord(entity, row);
        if (pipeline.HasHooks(entity, PipelineStage.PreOperation))
        {
            await pipeline.RunAsync(
                MessageHookContext(compiled, message, PipelineStage.PreOperation, pre, principal, depth.Depth), cancellationToken);
        }

        var output = await ExecuteHandlerAsync(handler, owner, new RecordMessageContext
        {
            Message = message,
            Entity = compiled.Definition,
            RecordId = id,
            Record = pre,
            Input = input,
            Principal = principal,
            Depth = depth.Depth,
            Services = services,
        }, cancellationToken);

        // The handler's writes joined this transaction: the post-image is the record as they left it.
        var after = await session.GetAsync(compiled.Storage, id, cancellationToken);
        var post = after is null ? pre : RecordJson.ToRecord(entity, after);
        if (pipeline.HasHooks(entity, PipelineStage.PostOperation))
        {
            var context = MessageHookContext(compiled, message, PipelineStage.PostOperation, pre, principal, depth.Depth);
            context.PostImage = post;
            await pipeline.RunAsync(context, cancellationToken);
        }

        if (pipeline.HasHooks(entity, PipelineStage.PostCommit))
        {
            var context = MessageHookContext(compiled, message, PipelineStage.PostCommit, pre, principal, depth.Depth);
            context.PostImage = post;
            await pipeline.QueuePostCommitAsync(context, cancellationToken);
        }

        await lease.CommitAsync(cancellationToken);
        return output;
    }

    private RecordHookContext MessageHookContext(
        CompiledEntity entity, string message, PipelineStage stage, CrmRecord pre, CrmPrincipal principal, int depth) => new()
        {
            Operation = RecordOperation.Message,
            MessageName = message,
            Stage = stage,
            Entity = entity.Definition,
            RecordId = pre.Id,
            PreImage = pre,
            Target = pre.Values.DeepClone().AsObject(),
            ChangedFields = NoFields,
            Principal = principal,
            Depth = depth,
            Services = services,
        };

    /// <summary>Runs the handler; a failure names the message and its owner, as a failing hook is named.</summary>
    private static async ValueTask<JsonObject?> ExecuteHandlerAsync(
        IRecordMessageHandler handler, string owner, RecordMessageContext context, CancellationToken cancellationToken)
    {
        var name = handler.Descriptor.Name;
        try
        {
            return await handler.ExecuteAsync(context, cancellationToken);
        }
        catch (CrmException e)
        {
            // An error of a write the handler made (a validation failure, a hook) keeps its code and says where it came from.
            e.Extensions.TryAdd("message", name);
            e.Extensions.TryAdd("module", owner);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = new CrmException(
                CrmErrorKind.BadRequest, "record.message_failed",
                CoreMessages.Text("record.message_failed", owner, name, e.Message), innerException: e);
            failure.Extensions["message"] = name;
            failure.Extensions["module"] = owner;
            throw failure;
        }
    }
}
