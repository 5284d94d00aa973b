using CrmKit.Core.Modules;
using CrmKit.Core.Outbox;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Triggers;

/// <summary>
/// Where channel plugins raise <c>message.inbound</c> and plugins raise their own trigger types: finds the enabled
/// workflows of the event's type (for inbound messages, of the channel in <c>payload.channel</c>; for plugin
/// triggers, those the plugin's <see cref="IWorkflowTrigger.Matches"/> accepts), checks their conditions and starts
/// runs in one transaction. The event's idempotency key makes raising it again a no-op.
/// </summary>
internal sealed class WorkflowEventSink(
    IWorkflowDefinitionSource definitions,
    WorkflowRunStarter starter,
    IScriptEvaluator evaluator,
    IOutboxEffects effects,
    ICrmExtensions extensions,
    IRecordService records,
    ICrmStore store,
    TimeProvider clock) : IWorkflowEventSink
{
    public async Task<bool> RaiseAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflowEvent);
        var candidates = Candidates(workflowEvent);
        if (candidates.Count == 0)
        {
            return false;
        }

        CrmRecord? record = workflowEvent.Entity is { } entity && workflowEvent.RecordId is { } id
            ? await records.GetAsync(workflowEvent.Principal, entity, id, cancellationToken: cancellationToken)
            : null;
        var now = clock.GetUtcNow();
        var model = WorkflowRunModelFactory.ForTrigger(workflowEvent, record, null, now);
        var matched = new List<WorkflowDefinition>();
        foreach (var workflow in candidates)
        {
            if (workflow.Condition is not { Length: > 0 } condition ||
                await evaluator.EvaluateConditionAsync(condition, model, cancellationToken))
            {
                matched.Add(workflow);
            }
        }

        if (matched.Count == 0)
        {
            return false;
        }

        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var started = false;
        foreach (var workflow in matched)
        {
            if (await effects.TryRecordAsync($"{workflowEvent.IdempotencyKey}:{workflow.Name}", "workflow.start", cancellationToken))
            {
                await starter.StartAsync(lease.Session, workflow, workflowEvent, null, cancellationToken);
                started = true;
            }
        }

        await lease.CommitAsync(cancellationToken);
        return started;
    }

    private List<WorkflowDefinition> Candidates(WorkflowEvent e)
    {
        if (e.TriggerType == BuiltInWorkflowTriggers.InboundMessage)
        {
            var channel = (string?)e.Payload["channel"];
            return definitions.Find(e.TriggerType, null)
                .Where(w => w.Trigger.Channel is null || w.Trigger.Channel == channel)
                .ToList();
        }

        var workflows = definitions.Find(e.TriggerType, e.Entity);
        if (workflows.Count == 0 && e.Entity is not null)
        {
            workflows = definitions.Find(e.TriggerType, null);
        }

        if (workflows.Count == 0 || !extensions.TryGet<IWorkflowTrigger>(e.TriggerType, out var trigger))
        {
            // Built-in types other than inbound messages are not raised through the sink; unknown types match nothing.
            return [];
        }

        return workflows.Where(w => trigger.Matches(new WorkflowTriggerMatchContext
        {
            Event = e,
            WorkflowId = w.Name,
            Parameters = w.Trigger.Parameters,
        })).ToList();
    }
}
