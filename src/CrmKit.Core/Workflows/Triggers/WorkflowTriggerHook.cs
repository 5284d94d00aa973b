using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Triggers;

/// <summary>
/// The built-in record hook (PostOperation, every entity) that starts workflows on record changes: one registry
/// lookup per change (trigger type and entity), then the <c>fields</c>/<c>to</c> filters and the condition; each match
/// gets a run and its first step queued in the record's own transaction. It also keeps the due instants of
/// relative-date workflows (<see cref="WorkflowDueDates"/>) in step with the record.
/// </summary>
internal sealed class WorkflowTriggerHook(
    IWorkflowDefinitionSource definitions,
    WorkflowRunStarter starter,
    IScriptEvaluator evaluator,
    ICrmStore store,
    TimeProvider clock) : IRecordHook
{
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = "workflows.trigger",
        Entity = "*",
        Stage = PipelineStage.PostOperation,
        // Last, so the record workflows see is the one every other hook has finished with.
        Order = int.MaxValue,
        Owner = "crmkit.workflows",
    };

    public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        var type = context.Operation switch
        {
            RecordOperation.Create => BuiltInWorkflowTriggers.RecordCreated,
            RecordOperation.Update => BuiltInWorkflowTriggers.RecordUpdated,
            RecordOperation.Delete => BuiltInWorkflowTriggers.RecordDeleted,
            _ => null,
        };
        var entity = context.Entity.Name;
        var candidates = type is null ? [] : definitions.Find(type, entity);
        var dated = definitions.Find(BuiltInWorkflowTriggers.DateRelative, entity);
        if (candidates.Count == 0 && dated.Count == 0)
        {
            return;
        }

        // The fields/to filters first: with no match (the common case) nothing else is built.
        List<WorkflowDefinition>? matched = null;
        foreach (var workflow in candidates)
        {
            if (WorkflowTriggerMatcher.Matches(workflow.Trigger, context))
            {
                (matched ??= []).Add(workflow);
            }
        }

        if (matched is null && dated.Count == 0)
        {
            return;
        }

        await using var lease = await SessionLease.OpenAsync(store, write: true, cancellationToken);
        if (dated.Count > 0)
        {
            await WorkflowDueDates.UpdateAsync(lease.Session, dated, context, cancellationToken);
        }

        if (matched is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var record = context.PostImage ?? context.PreImage;
        var previous = context.PreImage?.Values;
        var trigger = new WorkflowEvent
        {
            TriggerType = type!,
            Entity = entity,
            RecordId = context.RecordId,
            Payload = new JsonObject
            {
                ["operation"] = context.Operation.ToString().ToLowerInvariant(),
                ["changedFields"] = new JsonArray(context.ChangedFields.Order(StringComparer.Ordinal).Select(f => (JsonNode?)f).ToArray()),
            },
            OccurredAt = now,
            Principal = context.Principal,
            IdempotencyKey = $"{entity}:{context.RecordId:N}:{record?.Version}",
        };
        foreach (var workflow in matched)
        {
            if (await ConditionHoldsAsync(workflow, trigger, record, previous, now, cancellationToken))
            {
                await starter.StartAsync(lease.Session, workflow, trigger, previous, cancellationToken);
            }
        }
    }

    private async ValueTask<bool> ConditionHoldsAsync(
        WorkflowDefinition workflow, WorkflowEvent trigger, CrmRecord? record, JsonObject? previous, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        workflow.Condition is not { Length: > 0 } condition ||
        await evaluator.EvaluateConditionAsync(condition, WorkflowRunModelFactory.ForTrigger(trigger, record, previous, now), cancellationToken);
}
