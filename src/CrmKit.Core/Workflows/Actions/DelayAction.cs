using System.Text.Json.Nodes;
using System.Xml;
using CrmKit.Core.Workflows.Engine;

namespace CrmKit.Core.Workflows.Actions;

/// <summary><c>delay</c>: the next step is queued with NotBefore = now + <c>duration</c> (ISO 8601, e.g. PT1H).</summary>
internal sealed class DelayAction(TimeProvider clock) : IBuiltInWorkflowAction
{
    public string Type => BuiltInWorkflowActions.Delay;

    public bool Transactional => false;

    public Task<WorkflowStepOutcome> ExecuteAsync(WorkflowStepContext context, CancellationToken cancellationToken)
    {
        var text = context.RequiredString("duration");
        TimeSpan duration;
        try
        {
            duration = XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw WorkflowRunMessages.Final(WorkflowRunErrorCodes.BadParameter, "duration", text);
        }

        var resumeAt = clock.GetUtcNow() + duration;
        return Task.FromResult(new WorkflowStepOutcome(new JsonObject { ["resumeAt"] = resumeAt }, resumeAt));
    }
}
