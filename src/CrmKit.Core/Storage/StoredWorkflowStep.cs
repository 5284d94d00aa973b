namespace CrmKit.Core.Storage;

/// <summary>One step of a workflow run in the journal (<c>crm_workflow_steps</c>); one row per run and step.</summary>
public sealed class StoredWorkflowStep
{
    /// <summary>The run.</summary>
    public required Guid RunId { get; init; }

    /// <summary>The step's position in the workflow.</summary>
    public required int StepIndex { get; init; }

    /// <summary>The step id.</summary>
    public required string StepId { get; init; }

    /// <summary>The action type.</summary>
    public required string Action { get; init; }

    /// <summary>completed, skipped (condition false) or failed.</summary>
    public required string Status { get; init; }

    /// <summary>How many times the step was attempted.</summary>
    public required int Attempts { get; init; }

    /// <summary>When the (last) attempt started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>The rendered parameters as JSON, shortened.</summary>
    public string? Input { get; init; }

    /// <summary>The action's output as JSON, shortened.</summary>
    public string? Output { get; init; }

    /// <summary>The error, when failed.</summary>
    public string? Error { get; init; }
}
