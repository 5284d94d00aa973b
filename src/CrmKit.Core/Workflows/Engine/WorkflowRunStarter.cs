using System.Text.Json.Nodes;
using CrmKit.Core.Outbox;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>
/// Creates a run (journal row, the workflow version it starts with) and queues its first step, in the caller's
/// transaction: the session given here must be the ambient write session, so the outbox job joins it.
/// </summary>
internal sealed class WorkflowRunStarter(IOutbox outbox, TimeProvider clock)
{
    public const string StepJobKind = "workflow.step";

    public async Task<StoredWorkflowRun> StartAsync(
        ICrmStoreSession session, WorkflowDefinition workflow, WorkflowEvent trigger, JsonObject? previous,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var empty = workflow.Steps.Count == 0;
        var run = new StoredWorkflowRun
        {
            Id = Guid.CreateVersion7(now),
            Workflow = workflow.Name,
            WorkflowVersion = workflow.Version,
            Status = empty ? WorkflowRunStatus.Completed : WorkflowRunStatus.Pending,
            TriggerType = trigger.TriggerType,
            Entity = trigger.Entity,
            RecordId = trigger.RecordId,
            TriggerData = WorkflowTriggerData.Serialize(trigger, previous),
            StepIndex = 0,
            StepId = empty ? null : workflow.Steps[0].Id,
            CreatedAt = now,
            UpdatedAt = now,
            FinishedAt = empty ? now : null,
        };
        await session.InsertWorkflowRunAsync(run, cancellationToken);
        if (!empty)
        {
            await outbox.EnqueueAsync(StepJob(run, 0, run.StepId!, null, 0, trigger.CorrelationId), cancellationToken);
        }

        return run;
    }

    /// <summary>The outbox job that runs one step; <paramref name="generation"/> counts manual retries of the run.</summary>
    public static OutboxJobRequest StepJob(
        StoredWorkflowRun run, int index, string stepId, DateTimeOffset? notBefore, int generation, string? correlationId) => new()
        {
            Kind = StepJobKind,
            Payload = new JsonObject
            {
                ["runId"] = run.Id.ToString("D"),
                ["stepIndex"] = index,
                ["stepId"] = stepId,
                ["generation"] = generation,
            },
            IdempotencyKey = $"{run.Id:N}:{stepId}" + (generation == 0 ? "" : $":{generation}"),
            NotBefore = notBefore,
            CorrelationId = correlationId ?? run.Id.ToString("D"),
        };
}
