namespace CrmKit.Core.Workflows.Engine;

/// <summary>A workflow action of Core (set_fields, webhook...). Plugin actions are <c>IWorkflowAction</c>s instead.</summary>
internal interface IBuiltInWorkflowAction
{
    /// <summary>The step's <c>action</c>.</summary>
    string Type { get; }

    /// <summary>
    /// Whether its effect is a record change: it then runs inside the step's transaction, which also journals the
    /// step and queues the next one, so a crash leaves either all of it or none. Other actions (HTTP, channels) run
    /// before that transaction and carry the step's idempotency key to the receiver.
    /// </summary>
    bool Transactional { get; }

    Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken);
}
