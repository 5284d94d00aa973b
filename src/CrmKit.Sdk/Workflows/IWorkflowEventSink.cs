namespace CrmKit.Sdk.Workflows;

/// <summary>
/// Where plugins raise <see cref="WorkflowEvent"/>s, for example a social channel's "inbound message". The host
/// implements it; take it from the services of the current scope, so that an event raised during a record operation
/// is stored in the same transaction and is lost only if the operation rolls back.
/// </summary>
public interface IWorkflowEventSink
{
    /// <summary>
    /// Stores an event durably (in the outbox); the workflows it starts run after that, even if the process dies.
    /// </summary>
    /// <param name="workflowEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the operation; the event is then not stored.</param>
    /// <returns>
    /// True when the event was stored; false when an event with the same trigger type and
    /// <see cref="WorkflowEvent.IdempotencyKey"/> was already raised, in which case nothing happens.
    /// </returns>
    Task<bool> RaiseAsync(WorkflowEvent workflowEvent, CancellationToken cancellationToken = default);
}
