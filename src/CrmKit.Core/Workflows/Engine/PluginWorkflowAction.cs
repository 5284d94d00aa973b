using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>Runs a plugin's <see cref="IWorkflowAction"/> as a step, outside the step's transaction.</summary>
internal sealed class PluginWorkflowAction(IWorkflowAction action) : IBuiltInWorkflowAction
{
    public string Type => action.Descriptor.Type;

    public bool Transactional => false;

    public async Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var result = await action.ExecuteAsync(new WorkflowActionContext
        {
            WorkflowId = context.Workflow.Name,
            WorkflowVersion = context.Workflow.Version,
            RunId = context.Run.Id,
            StepId = context.Step.Id,
            Principal = context.Principal,
            Record = context.Record,
            TriggerEvent = context.Event,
            Parameters = context.Parameters,
            IdempotencyKey = context.IdempotencyKey,
            Attempt = context.Attempt,
            Services = context.Services,
        }, cancellationToken);
        return result.Succeeded
            ? new WorkflowStepOutcome(result.Output)
            : throw new WorkflowStepException(WorkflowRunErrorCodes.ActionFailed,
                WorkflowRunMessages.Text(WorkflowRunErrorCodes.ActionFailed, Type, result.Error).ToString(),
                result.Retryable, result.RetryAfter);
    }
}
