using CrmKit.Core.Modules;
using CrmKit.Core.Resources;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Core.Pipeline;

/// <summary>
/// Runs the registered <see cref="IRecordHook"/>s of a stage in order, filtered by entity, operation and changed
/// fields. A failing hook stops the operation; the error names the owning module and the hook.
/// </summary>
internal sealed class RecordPipeline(ExtensionCatalog extensions)
{
    private static readonly object SortedHooks = new();

    // Plugins come and go at run time: the sorted list is derived per catalog snapshot. OrderBy is stable, so hooks
    // with equal Order keep their registration order.
    private IReadOnlyList<IRecordHook> Hooks => extensions.Derive(SortedHooks, static c =>
        c.GetAll<IRecordHook>().OrderBy(h => h.Descriptor.Stage).ThenBy(h => h.Descriptor.Order).ToList());

    /// <summary>Whether any hook could run for the entity and stage (lets the hot path skip building contexts).</summary>
    public bool HasHooks(string entity, PipelineStage stage) =>
        Hooks.Any(h => h.Descriptor.Stage == stage && (h.Descriptor.Entity == "*" || h.Descriptor.Entity == entity));

    public async ValueTask RunAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        foreach (var hook in Hooks)
        {
            var d = hook.Descriptor;
            if (d.Stage != context.Stage ||
                (d.Entity != "*" && d.Entity != context.Entity.Name) ||
                (d.Operations.Count > 0 && !d.Operations.Contains(context.Operation)) ||
                (context.Operation == RecordOperation.Update && d.ChangedFields.Count > 0 &&
                 !d.ChangedFields.Any(context.ChangedFields.Contains)))
            {
                continue;
            }

            try
            {
                await hook.ExecuteAsync(context, cancellationToken);
            }
            catch (CrmException e)
            {
                e.Extensions["hook"] = d.Name;
                e.Extensions["module"] = d.Owner ?? hook.GetType().Assembly.GetName().Name;
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var owner = d.Owner ?? hook.GetType().Assembly.GetName().Name ?? "?";
                var failure = new CrmException(
                    CrmErrorKind.BadRequest, "pipeline.hook_failed",
                    CoreMessages.Text("pipeline.hook_failed", owner, d.Name, e.Message), innerException: e);
                failure.Extensions["hook"] = d.Name;
                failure.Extensions["module"] = owner;
                throw failure;
            }
        }
    }
}
