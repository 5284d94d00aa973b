using CrmKit.Core.Audit;
using CrmKit.Core.Modules;
using CrmKit.Core.Outbox;
using CrmKit.Core.Resources;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Pipeline;

/// <summary>
/// Runs the registered <see cref="IRecordHook"/>s of a stage in order, filtered by entity, operation, changed fields
/// and message name. A failing hook stops the operation; the error names the owning module and the hook. PostCommit
/// hooks are not run here: each matching one becomes an outbox job in the operation's transaction.
/// </summary>
internal sealed class RecordPipeline(ExtensionCatalog extensions, IOutbox outbox)
{
    private static readonly object SortedHooks = new();

    // Plugins come and go at run time: the sorted list is derived per catalog snapshot. OrderBy is stable, so hooks
    // with equal Order keep their registration order.
    private IReadOnlyList<IRecordHook> Hooks => extensions.Derive(SortedHooks, static c =>
        c.GetAll<IRecordHook>().OrderBy(h => h.Descriptor.Stage).ThenBy(h => h.Descriptor.Order).ToList());

    /// <summary>Whether any hook could run for the entity and stage (lets the hot path skip building contexts).</summary>
    public bool HasHooks(string entity, PipelineStage stage) =>
        Hooks.Any(h => h.Descriptor.Stage == stage && (h.Descriptor.Entity == "*" || h.Descriptor.Entity == entity));

    /// <summary>
    /// The module or plugin a hook belongs to, as errors and PostCommit jobs name it: the id it registered under (the
    /// catalog knows), else what its descriptor claims, else its assembly.
    /// </summary>
    public static string OwnerOf(ExtensionCatalog catalog, IRecordHook hook) =>
        catalog.OwnerOf(hook) ?? hook.Descriptor.Owner ?? hook.GetType().Assembly.GetName().Name ?? "?";

    /// <summary>Whether a hook runs for the context's stage, entity, operation and changed fields.</summary>
    public static bool Matches(RecordHookDescriptor d, RecordHookContext context) =>
        d.Stage == context.Stage &&
        (d.Entity == "*" || d.Entity == context.Entity.Name) &&
        // Messages are opt-in: a hook written for "every write" (no operations listed) is not given module-defined
        // messages whose Target it cannot change.
        (d.Operations.Count == 0 ? context.Operation != RecordOperation.Message : d.Operations.Contains(context.Operation)) &&
        (context.Operation != RecordOperation.Update || d.ChangedFields.Count == 0 || d.ChangedFields.Any(context.ChangedFields.Contains)) &&
        (context.Operation != RecordOperation.Message || d.Messages.Count == 0 || d.Messages.Contains(context.MessageName!));

    public async ValueTask RunAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in Hooks)
        {
            if (Matches(hook.Descriptor, context))
            {
                await ExecuteAsync(extensions, hook, context, cancellationToken);
            }
        }
    }

    /// <summary>Queues one <c>pipeline.post_commit</c> job per matching PostCommit hook, in the ambient transaction.</summary>
    public async ValueTask QueuePostCommitAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in Hooks)
        {
            if (Matches(hook.Descriptor, context))
            {
                await outbox.EnqueueAsync(PostCommitPayload.Create(context, hook.Descriptor.Name, OwnerOf(extensions, hook)), cancellationToken);
            }
        }
    }

    /// <summary>Runs one hook; a failure names the hook and its owner (the innermost hook, when hooks nest).</summary>
    public static async ValueTask ExecuteAsync(
        ExtensionCatalog extensions, IRecordHook hook, RecordHookContext context, CancellationToken cancellationToken)
    {
        var d = hook.Descriptor;
        try
        {
            // What the hook writes runs as the caller (context.Principal) and is audited as made by the hook's module.
            using (AuditSource.Enter(CrmChannel.Plugin, OwnerOf(extensions, hook)))
            {
                await hook.ExecuteAsync(context, cancellationToken);
            }
        }
        catch (CrmException e)
        {
            // A nested operation's error (the depth limit, a validation failure) names the hook that made the call.
            e.Extensions.TryAdd("hook", d.Name);
            e.Extensions.TryAdd("module", OwnerOf(extensions, hook));
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var owner = OwnerOf(extensions, hook);
            var failure = new CrmException(
                CrmErrorKind.BadRequest, "pipeline.hook_failed",
                CoreMessages.Text("pipeline.hook_failed", owner, d.Name, e.Message), innerException: e);
            failure.Extensions["hook"] = d.Name;
            failure.Extensions["module"] = owner;
            throw failure;
        }
    }
}
