namespace CrmKit.Core.Workflows.Engine;

/// <summary>The states of a workflow run and of its journaled steps.</summary>
public static class WorkflowRunStatus
{
    /// <summary>Created; its first step is queued.</summary>
    public const string Pending = "pending";

    /// <summary>At least one step ran; the next one is queued (possibly delayed).</summary>
    public const string Running = "running";

    /// <summary>Every step ran or was skipped.</summary>
    public const string Completed = "completed";

    /// <summary>A step failed for good; <c>retry</c> restarts from it.</summary>
    public const string Failed = "failed";

    /// <summary>A step whose condition was false.</summary>
    public const string Skipped = "skipped";
}
