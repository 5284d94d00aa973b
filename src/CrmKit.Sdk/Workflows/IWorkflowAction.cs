namespace CrmKit.Sdk.Workflows;

/// <summary>
/// A step a workflow can run: the built-in ones (set fields, create a record, send a message...) and those plugins
/// add (refresh a company from EGRUL, export to 1C...). Register it with
/// <see cref="Extensibility.CrmBuilderExtensions.AddWorkflowAction{TAction}"/>.
/// </summary>
/// <remarks>
/// <para>
/// Actions usually run asynchronously through the outbox, so a step may run more than once: after a crash, or when
/// an earlier attempt failed. Pass <see cref="WorkflowActionContext.IdempotencyKey"/> to the outside world so that a
/// repeated attempt has one effect.
/// </para>
/// <para>
/// Report expected failures with <see cref="WorkflowActionResult.Failure"/>. An exception counts as a retryable
/// failure, except a <see cref="Errors.CrmException"/> of kind BadRequest, Validation, NotFound or Forbidden, which
/// retrying cannot fix. Implementations are singletons: keep no per-run state in fields, and take scoped services
/// from <see cref="WorkflowActionContext.Services"/>.
/// </para>
/// </remarks>
public interface IWorkflowAction
{
    /// <summary>What the action is: its type name, display name and parameters.</summary>
    WorkflowActionDescriptor Descriptor { get; }

    /// <summary>Runs one attempt of a step.</summary>
    /// <param name="context">The run, the record, the parameters and the acting principal.</param>
    /// <param name="cancellationToken">Cancels the attempt (for example on shutdown); the step is then retried.</param>
    /// <returns>Whether the step succeeded, and its output.</returns>
    ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken);
}
