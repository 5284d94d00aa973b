using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>
/// The model conditions and templates of a run see: <c>record</c> (as it is now), <c>previous</c> (its values before
/// the triggering change), <c>user</c> (who triggered), <c>now</c>, and in <c>extra</c>: <c>run</c>, <c>event</c>
/// (the trigger's payload) and <c>steps</c> (each finished step's output by step id).
/// </summary>
internal static class WorkflowRunModelFactory
{
    public static TemplateModel Create(
        StoredWorkflowRun run, WorkflowEvent trigger, JsonObject? previous, CrmRecord? record,
        IReadOnlyList<StoredWorkflowStep> steps, DateTimeOffset now)
    {
        var outputs = new JsonObject();
        foreach (var step in steps)
        {
            outputs[step.StepId] = step.Output is null ? null : JsonNode.Parse(step.Output);
        }

        return new TemplateModel
        {
            Record = record,
            Previous = previous,
            User = trigger.Principal,
            Now = now,
            Extra = new JsonObject
            {
                ["run"] = new JsonObject
                {
                    ["id"] = run.Id.ToString("D"),
                    ["workflow"] = run.Workflow,
                    ["version"] = run.WorkflowVersion,
                },
                ["event"] = trigger.Payload.DeepClone(),
                ["steps"] = outputs,
            },
        };
    }

    /// <summary>The model a trigger's condition sees (no run yet).</summary>
    public static TemplateModel ForTrigger(WorkflowEvent trigger, CrmRecord? record, JsonObject? previous, DateTimeOffset now) => new()
    {
        Record = record,
        Previous = previous,
        User = trigger.Principal,
        Now = now,
        Extra = new JsonObject { ["event"] = trigger.Payload.DeepClone() },
    };
}
