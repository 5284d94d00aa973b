namespace CrmKit.Core.Workflows.Engine;

/// <summary>The stable error codes of the workflow engine (problem+json <c>code</c>, step errors).</summary>
public static class WorkflowRunErrorCodes
{
    /// <summary>There is no run with that id.</summary>
    public const string RunNotFound = "workflow.run_not_found";

    /// <summary>Only a failed run can be retried.</summary>
    public const string RunNotFailed = "workflow.run_not_failed";

    /// <summary>The workflow does not exist or is disabled.</summary>
    public const string WorkflowNotFound = "workflow.not_found";

    /// <summary>The workflow version a run was pinned to no longer exists.</summary>
    public const string VersionGone = "workflow.version_gone";

    /// <summary>No built-in or plugin action has the step's type.</summary>
    public const string UnknownAction = "workflow.unknown_action";

    /// <summary>No message channel of the type is registered.</summary>
    public const string NoChannel = "workflow.no_channel";

    /// <summary>A step parameter is missing or invalid.</summary>
    public const string BadParameter = "workflow.bad_parameter";

    /// <summary>The step needs the triggering record and the run has none.</summary>
    public const string NoRecord = "workflow.no_record";

    /// <summary>The webhook receiver answered with an error status.</summary>
    public const string WebhookFailed = "workflow.webhook_failed";

    /// <summary>The action failed.</summary>
    public const string ActionFailed = "workflow.action_failed";
}
