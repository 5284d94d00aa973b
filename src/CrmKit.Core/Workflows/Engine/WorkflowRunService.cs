using System.Text.Json.Nodes;
using CrmKit.Core.Outbox;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>The default <see cref="IWorkflowRunService"/>.</summary>
internal sealed class WorkflowRunService(
    ICrmStore store,
    IWorkflowDefinitionSource definitions,
    WorkflowRunStarter starter,
    IRecordService records,
    IOutbox outbox,
    Security.IAccessControl access,
    TimeProvider clock) : IWorkflowRunService
{
    public async Task<StoredWorkflowRun> StartAsync(
        string workflow, string? entity, Guid? recordId, CrmPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var definition = await definitions.GetAsync(workflow, null, cancellationToken);
        if (definition is null || !definition.Enabled || definition.Deleted)
        {
            throw WorkflowRunMessages.WorkflowNotFound(workflow);
        }

        // A workflow that runs as a service account would let whoever starts it act with that account's rights: only
        // those who may change workflows may start one by hand. One that runs as its trigger runs with the caller's own.
        if (definition.RunAs is not null)
        {
            access.DemandPrivilege(principal, Security.CrmPrivileges.WorkflowsManage);
        }

        if (entity is not null && recordId is { } id &&
            await records.GetAsync(principal, entity, id, cancellationToken: cancellationToken) is null)
        {
            throw Resources.CoreMessages.RecordNotFound(entity, id);
        }

        var trigger = new WorkflowEvent
        {
            TriggerType = BuiltInWorkflowTriggers.Manual,
            Entity = recordId is null ? null : entity,
            RecordId = entity is null ? null : recordId,
            Payload = [],
            OccurredAt = clock.GetUtcNow(),
            Principal = principal,
            IdempotencyKey = Guid.NewGuid().ToString("N"),
        };
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var run = await starter.StartAsync(lease.Session, definition, trigger, null, cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return run;
    }

    public async Task<IReadOnlyList<StoredWorkflowRun>> ListAsync(
        string workflow, string? status = null, int limit = 50, CancellationToken cancellationToken = default)
    {
        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        return await lease.Session.ListWorkflowRunsAsync(workflow, status, Math.Clamp(limit, 1, 1000), cancellationToken);
    }

    public async Task<(StoredWorkflowRun Run, IReadOnlyList<StoredWorkflowStep> Steps)> GetAsync(
        Guid id, CancellationToken cancellationToken = default)
    {
        await using var lease = await SessionLease.OpenAsync(store, write: false, cancellationToken);
        var run = await lease.Session.GetWorkflowRunAsync(id, cancellationToken) ?? throw WorkflowRunMessages.RunNotFound(id);
        return (run, await lease.Session.ListWorkflowStepsAsync(id, cancellationToken));
    }

    public async Task<StoredWorkflowRun> RetryAsync(Guid id, CrmPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        var run = await lease.Session.GetWorkflowRunAsync(id, cancellationToken) ?? throw WorkflowRunMessages.RunNotFound(id);
        if (run.Status != WorkflowRunStatus.Failed || run.StepId is null)
        {
            throw WorkflowRunMessages.RunNotFailed(id, run.Status);
        }

        var now = clock.GetUtcNow();
        run.Status = WorkflowRunStatus.Running;
        run.Error = null;
        run.FinishedAt = null;
        run.UpdatedAt = now;
        await lease.Session.UpdateWorkflowRunAsync(run, cancellationToken);
        // A new generation: a fresh idempotency key for the job, the same step (and effect key) as before.
        var generation = (int)(now.ToUnixTimeMilliseconds() % int.MaxValue);
        await outbox.EnqueueAsync(WorkflowRunStarter.StepJob(run, run.StepIndex, run.StepId, null, generation, null), cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return run;
    }
}
