namespace CrmKit.Sdk.Workflows;

/// <summary>The trigger types every host provides, as used in workflow definitions and <see cref="WorkflowEvent"/>.</summary>
public static class BuiltInWorkflowTriggers
{
    /// <summary>A record was created. Parameters: <c>entity</c>.</summary>
    public const string RecordCreated = "record.created";

    /// <summary>
    /// A record was changed. Parameters: <c>entity</c>, and optionally the <c>fields</c> that must have changed and the
    /// value they must have changed <c>to</c>.
    /// </summary>
    public const string RecordUpdated = "record.updated";

    /// <summary>A record was deleted. Parameters: <c>entity</c>.</summary>
    public const string RecordDeleted = "record.deleted";

    /// <summary>A cron schedule fired. Parameters: <c>cron</c> and <c>timeZone</c> (IANA).</summary>
    public const string Schedule = "schedule";

    /// <summary>
    /// A time relative to a date field came (for example three days before <c>due_date</c>). Parameters:
    /// <c>entity</c>, <c>field</c> and <c>offset</c> (an ISO 8601 duration, negative for "before").
    /// </summary>
    public const string DateRelative = "record.date_relative";

    /// <summary>
    /// A message arrived on a channel (Telegram, VK, a website form). The payload is
    /// <see cref="Messaging.InboundMessage.ToJson"/>; the event's entity and record are the lead or contact the message
    /// was attached to, if any. Parameters: optionally <c>channelType</c> and <c>channelInstanceId</c>.
    /// </summary>
    public const string InboundMessage = "message.inbound";

    /// <summary>A user or an API client started the workflow explicitly, optionally for a record.</summary>
    public const string Manual = "manual";
}
