using System.Text.Json.Nodes;

namespace CrmKit.Core.Workflows;

/// <summary>One step of a <see cref="WorkflowDefinition"/>: an action with its parameters and an optional condition.</summary>
public sealed class WorkflowStepDefinition
{
    /// <summary>The step's id, unique within the workflow; the run journal refers to it.</summary>
    public required string Id { get; init; }

    /// <summary>The action type: one of <see cref="BuiltInWorkflowActions"/> or a plugin action's type.</summary>
    public required string Action { get; init; }

    /// <summary>A Scriban expression; the step is skipped when it is false. Null runs the step always.</summary>
    public string? Condition { get; init; }

    /// <summary>The action's parameters as written (string values are Scriban templates). Treat them as read-only.</summary>
    public required JsonObject Parameters { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Action}";
}
