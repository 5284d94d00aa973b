using System.Text.Json.Nodes;

namespace CrmKit.Sdk.Workflows;

/// <summary>
/// What <see cref="IWorkflowTrigger.Matches"/> sees: one raised event and one workflow's trigger parameters. New
/// members may be added; triggers take this one argument so they keep working.
/// </summary>
public sealed class WorkflowTriggerMatchContext
{
    /// <summary>The raised event.</summary>
    public required WorkflowEvent Event { get; init; }

    /// <summary>The id of the workflow definition being matched.</summary>
    public required string WorkflowId { get; init; }

    /// <summary>
    /// The workflow's trigger parameters, validated against <see cref="WorkflowTriggerDescriptor.GetParametersSchema"/>.
    /// Treat them as read-only.
    /// </summary>
    public required JsonObject Parameters { get; init; }
}
