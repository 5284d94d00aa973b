namespace CrmKit.Core.Workflows;

/// <summary>The stable codes of workflow-definition failures; each error inside one carries a JSON pointer into the document.</summary>
public static class WorkflowErrorCodes
{
    /// <summary>The document is not valid (422); also the code of a schema violation inside it.</summary>
    public const string Invalid = "workflow.invalid";

    /// <summary>A step's action is neither built in nor registered by an active plugin.</summary>
    public const string UnknownAction = "workflow.unknown_action";

    /// <summary>The trigger type is neither built in nor registered by an active plugin.</summary>
    public const string UnknownTrigger = "workflow.unknown_trigger";

    /// <summary>The schedule's cron expression does not parse.</summary>
    public const string InvalidCron = "workflow.invalid_cron";

    /// <summary>The schedule's time zone is not known to the host.</summary>
    public const string InvalidTimeZone = "workflow.invalid_time_zone";

    /// <summary>An offset or duration is not an ISO 8601 duration.</summary>
    public const string InvalidOffset = "workflow.invalid_offset";

    /// <summary>The entity does not exist.</summary>
    public const string UnknownEntity = "workflow.unknown_entity";

    /// <summary>The field does not exist on the entity, or is not of the kind the trigger needs.</summary>
    public const string UnknownField = "workflow.unknown_field";

    /// <summary>A condition or a string parameter is not a valid Scriban expression or template.</summary>
    public const string InvalidExpression = "workflow.invalid_expression";

    /// <summary>Two steps have the same id.</summary>
    public const string DuplicateStep = "workflow.duplicate_step";

    /// <summary>The workflow was saved by someone else since the caller read it (409).</summary>
    public const string VersionConflict = "workflow.version_conflict";

    /// <summary>No workflow (or version) with that name (404).</summary>
    public const string NotFound = "workflow.not_found";
}
