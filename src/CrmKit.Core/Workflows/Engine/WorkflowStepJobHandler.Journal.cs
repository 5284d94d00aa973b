using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;

namespace CrmKit.Core.Workflows.Engine;

internal sealed partial class WorkflowStepJobHandler
{
    private const int SummaryLength = 2000;

    private async Task<StoredWorkflowRun?> ReadRunAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        return await lease.Session.GetWorkflowRunAsync(id, cancellationToken);
    }

    private async Task<IReadOnlyList<StoredWorkflowStep>> ReadStepsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        return await lease.Session.ListWorkflowStepsAsync(id, cancellationToken);
    }

    /// <summary>Journals a finished step and moves the run on, in a transaction of its own.</summary>
    private async Task CompleteStepAsync(
        StoredWorkflowRun snapshot, WorkflowDefinition workflow, int index, WorkflowStepDefinition step, WorkflowStepOutcome? outcome,
        string status, int attempt, DateTimeOffset started, JsonObject? input, string? error, int generation,
        CancellationToken cancellationToken)
    {
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var run = await lease.Session.GetWorkflowRunAsync(snapshot.Id, cancellationToken);
        if (run is null || !IsCurrent(run, index) ||
            !await effects.TryRecordAsync($"{run.Id:N}:{step.Id}", Kind, cancellationToken))
        {
            return;
        }

        await AdvanceAsync(lease.Session, run, workflow, index, step, outcome, status, attempt, started, input, generation, cancellationToken);
        await lease.CommitAsync(cancellationToken);
    }

    private async Task AdvanceAsync(
        ICrmStoreSession session, StoredWorkflowRun run, WorkflowDefinition workflow, int index, WorkflowStepDefinition step,
        WorkflowStepOutcome? outcome, string status, int attempt, DateTimeOffset started, JsonObject? input, int generation,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await session.SaveWorkflowStepAsync(new StoredWorkflowStep
        {
            RunId = run.Id,
            StepIndex = index,
            StepId = step.Id,
            Action = step.Action,
            Status = status,
            Attempts = attempt,
            StartedAt = started,
            FinishedAt = now,
            Input = Summary(input),
            Output = outcome?.Output?.ToJsonString(),
        }, cancellationToken);

        var next = index + 1;
        run.StepIndex = next;
        run.UpdatedAt = now;
        run.Error = null;
        if (next < workflow.Steps.Count)
        {
            run.Status = WorkflowRunStatus.Running;
            run.StepId = workflow.Steps[next].Id;
            await outbox.EnqueueAsync(
                WorkflowRunStarter.StepJob(run, next, run.StepId, outcome?.NextNotBefore, generation, null), cancellationToken);
        }
        else
        {
            run.Status = WorkflowRunStatus.Completed;
            run.StepId = null;
            run.FinishedAt = now;
        }

        await session.UpdateWorkflowRunAsync(run, cancellationToken);
    }

    /// <summary>Journals a failed attempt that the outbox will retry; the run stays at the step.</summary>
    private async Task JournalAttemptAsync(
        StoredWorkflowRun run, int index, WorkflowStepDefinition step, int attempt, DateTimeOffset started, JsonObject? input,
        string error, CancellationToken cancellationToken)
    {
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        await SaveFailedStepAsync(lease.Session, run.Id, index, step, attempt, started, input, error, cancellationToken);
        await lease.CommitAsync(cancellationToken);
    }

    /// <summary>Marks the run failed at the step (retries exhausted or a final error); <c>retry</c> restarts it there.</summary>
    private async Task FailAsync(
        Guid runId, int index, WorkflowStepDefinition? step, int attempt, DateTimeOffset started, string error,
        CancellationToken cancellationToken, JsonObject? input = null)
    {
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var run = await lease.Session.GetWorkflowRunAsync(runId, cancellationToken);
        if (run is null || !IsCurrent(run, index))
        {
            return;
        }

        if (step is not null)
        {
            await SaveFailedStepAsync(lease.Session, runId, index, step, attempt, started, input, error, cancellationToken);
        }

        var now = clock.GetUtcNow();
        run.Status = WorkflowRunStatus.Failed;
        run.Error = Summary(error);
        run.UpdatedAt = now;
        run.FinishedAt = now;
        await lease.Session.UpdateWorkflowRunAsync(run, cancellationToken);
        await lease.CommitAsync(cancellationToken);
    }

    private Task SaveFailedStepAsync(
        ICrmStoreSession session, Guid runId, int index, WorkflowStepDefinition step, int attempt, DateTimeOffset started,
        JsonObject? input, string error, CancellationToken cancellationToken) =>
        session.SaveWorkflowStepAsync(new StoredWorkflowStep
        {
            RunId = runId,
            StepIndex = index,
            StepId = step.Id,
            Action = step.Action,
            Status = WorkflowRunStatus.Failed,
            Attempts = attempt,
            StartedAt = started,
            FinishedAt = clock.GetUtcNow(),
            Input = Summary(input),
            Error = Summary(error),
        }, cancellationToken);

    private static string? Summary(JsonObject? value) => Summary(value?.ToJsonString());

    private static string? Summary(string? text) =>
        text is null || text.Length <= SummaryLength ? text : string.Concat(text.AsSpan(0, SummaryLength), "…");
}
