using System.Text.Json.Nodes;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Tests.Workflows.Definitions;

/// <summary>A module added in code with a workflow action (<c>egrul.refresh</c>) and a trigger (<c>telephony.call_missed</c>).</summary>
internal sealed class WorkflowTestModule : ICrmModule
{
    public string Id => "acme.workflows";

    public void Configure(ICrmBuilder builder) => builder.AddWorkflowAction<RefreshAction>().AddWorkflowTrigger<CallMissedTrigger>();

    internal sealed class RefreshAction : IWorkflowAction
    {
        public WorkflowActionDescriptor Descriptor { get; } = new(
            "egrul.refresh",
            new LocalizedText([new("en", "Refresh from EGRUL")]),
            JsonNode.Parse("""{"type": "object", "required": ["inn"], "properties": {"inn": {"type": "string"}}}""")!.AsObject());

        public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(WorkflowActionResult.Success());
    }

    internal sealed class CallMissedTrigger() : WorkflowTrigger(new WorkflowTriggerDescriptor("telephony.call_missed", new LocalizedText([new("en", "Missed call")])));
}
