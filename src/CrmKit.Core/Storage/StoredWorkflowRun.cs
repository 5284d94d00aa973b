namespace CrmKit.Core.Storage;

/// <summary>One workflow run in the runs journal (<c>crm_workflow_runs</c>).</summary>
public sealed class StoredWorkflowRun
{
    /// <summary>The run id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The workflow's name.</summary>
    public required string Workflow { get; init; }

    /// <summary>The workflow version the run started with; it keeps it to the end, whatever is edited meanwhile.</summary>
    public required long WorkflowVersion { get; init; }

    /// <summary>pending, running, completed or failed.</summary>
    public required string Status { get; set; }

    /// <summary>The trigger type that started the run.</summary>
    public required string TriggerType { get; init; }

    /// <summary>The triggering record's entity, if any.</summary>
    public string? Entity { get; init; }

    /// <summary>The triggering record's id, if any.</summary>
    public Guid? RecordId { get; init; }

    /// <summary>The trigger's data as JSON: the event payload, previous values, the principal.</summary>
    public required string TriggerData { get; init; }

    /// <summary>The index of the step to run next (or the failed step); equals the step count once completed.</summary>
    public int StepIndex { get; set; }

    /// <summary>The id of the step to run next or that failed; null when completed.</summary>
    public string? StepId { get; set; }

    /// <summary>The last error, when failed.</summary>
    public string? Error { get; set; }

    /// <summary>When the run was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the run last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the run completed or failed.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
