namespace CrmKit.Core.Workflows;

/// <summary>The values of a workflow's <c>runAs</c> besides a service account id.</summary>
public static class WorkflowRunAs
{
    /// <summary>The default: the user who triggered the run (for schedules, the workflow version's author).</summary>
    public const string TriggeringUser = "triggering_user";
}
