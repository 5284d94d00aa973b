using System.Text.Json.Nodes;
using CrmKit.Core.Audit;
using CrmKit.Core.Outbox;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>
/// Runs one step of a run (outbox jobs of kind <c>workflow.step</c>): loads the run and its pinned workflow version,
/// evaluates the step's condition, executes the action, journals the step and queues the next one (or completes the
/// run). The run's step pointer, moved in the same transaction as the journal row, the next job and — for record
/// actions — the effect itself, makes a repeated job (a crash before the outbox marked it done) a no-op.
/// </summary>
internal sealed partial class WorkflowStepJobHandler(
    ICrmStore store,
    IWorkflowDefinitionSource definitions,
    WorkflowActionResolver actions,
    WorkflowParameterRenderer parameters,
    IScriptEvaluator evaluator,
    IRecordService records,
    IOutbox outbox,
    IOutboxEffects effects,
    WorkflowIdentity identity,
    TimeProvider clock,
    ILogger<WorkflowStepJobHandler>? logger = null) : IOutboxJobHandler
{
    public string Kind => WorkflowRunStarter.StepJobKind;

    public async Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken)
    {
        var runId = Guid.Parse((string)context.Payload["runId"]!);
        var index = (int)context.Payload["stepIndex"]!;
        var generation = (int?)context.Payload["generation"] ?? 0;
        var run = await ReadRunAsync(runId, cancellationToken);
        if (run is null || !IsCurrent(run, index))
        {
            context.Note = "stale";
            return;
        }

        var workflow = await definitions.GetAsync(run.Workflow, run.WorkflowVersion, cancellationToken);
        if (workflow is null || index >= workflow.Steps.Count)
        {
            await FailAsync(runId, index, null, context.Attempt, clock.GetUtcNow(),
                WorkflowRunMessages.Text(WorkflowRunErrorCodes.VersionGone, run.Workflow, run.WorkflowVersion).ToString(), cancellationToken);
            return;
        }

        var step = workflow.Steps[index];
        var started = clock.GetUtcNow();
        JsonObject? input = null;
        try
        {
            var (trigger, previous) = WorkflowTriggerData.Parse(run.TriggerData);
            var actor = identity.Resolve(workflow, trigger);
            using var source = AuditSource.Enter(CrmChannel.Workflow, "workflow:" + workflow.Name);
            var record = run.Entity is { } entity && run.RecordId is { } recordId
                ? await records.GetAsync(actor, entity, recordId, includeDeleted: true, cancellationToken)
                : null;
            var steps = await ReadStepsAsync(runId, cancellationToken);
            var model = WorkflowRunModelFactory.Create(run, trigger, previous, record, steps, started);
            if (step.Condition is { Length: > 0 } condition && !await evaluator.EvaluateConditionAsync(condition, model, cancellationToken))
            {
                await CompleteStepAsync(run, workflow, index, step, null, WorkflowRunStatus.Skipped, context.Attempt, started,
                    null, null, generation, cancellationToken);
                return;
            }

            input = await parameters.RenderAsync(step.Parameters, model, cancellationToken);
            var stepContext = new WorkflowStepContext
            {
                Run = run,
                Workflow = workflow,
                Step = step,
                Parameters = input,
                Model = model,
                Event = trigger,
                Record = record,
                Principal = actor,
                IdempotencyKey = $"{run.Id:N}:{step.Id}",
                Attempt = context.Attempt,
                Services = context.Services,
            };
            var action = actions.Resolve(step.Action);
            if (action.Transactional)
            {
                await RunInTransactionAsync(stepContext, action, workflow, index, started, generation, cancellationToken);
            }
            else
            {
                var outcome = await action.ExecuteAsync(stepContext, cancellationToken);
                await CompleteStepAsync(run, workflow, index, step, outcome, WorkflowRunStatus.Completed, context.Attempt,
                    started, input, null, generation, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (retryable, retryAfter) = e switch
            {
                WorkflowStepException s => (s.Retryable, s.RetryAfter),
                CrmException c => (c.Kind is CrmErrorKind.Conflict or CrmErrorKind.Unavailable, null),
                _ => (true, (TimeSpan?)null),
            };
            if (retryable && context.Attempt < context.MaxAttempts)
            {
                await JournalAttemptAsync(run, index, step, context.Attempt, started, input, e.Message, cancellationToken);
                throw retryAfter is { } delay ? new OutboxRetryException(e.Message, delay) : new OutboxRetryException(e.Message, e);
            }

            (logger ?? NullLogger<WorkflowStepJobHandler>.Instance).LogWarning(e, "Workflow {Workflow} run {Run} failed at step {Step}", run.Workflow, run.Id, step.Id);
            await FailAsync(runId, index, step, context.Attempt, started, e.Message, cancellationToken, input);
        }
    }

    private static bool IsCurrent(StoredWorkflowRun run, int index) =>
        run.StepIndex == index && run.Status is WorkflowRunStatus.Pending or WorkflowRunStatus.Running;

    private async Task RunInTransactionAsync(
        WorkflowStepContext context, IBuiltInWorkflowAction action, WorkflowDefinition workflow, int index,
        DateTimeOffset started, int generation, CancellationToken cancellationToken)
    {
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var run = await lease.Session.GetWorkflowRunAsync(context.Run.Id, cancellationToken);
        if (run is null || !IsCurrent(run, index) ||
            !await effects.TryRecordAsync(context.IdempotencyKey, Kind, cancellationToken))
        {
            return;
        }

        var outcome = await action.ExecuteAsync(context, cancellationToken);
        await AdvanceAsync(lease.Session, run, workflow, index, context.Step, outcome, WorkflowRunStatus.Completed,
            context.Attempt, started, context.Parameters, generation, cancellationToken);
        await lease.CommitAsync(cancellationToken);
    }
}
