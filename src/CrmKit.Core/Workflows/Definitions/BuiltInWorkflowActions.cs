namespace CrmKit.Core.Workflows;

/// <summary>The action types every host provides; any other step action must be a registered plugin action.</summary>
public static class BuiltInWorkflowActions
{
    /// <summary>Sets fields of the run's record. Parameters: <c>values</c> (object).</summary>
    public const string SetFields = "set_fields";

    /// <summary>Creates a record. Parameters: <c>entity</c>, <c>values</c>.</summary>
    public const string CreateRecord = "create_record";

    /// <summary>Assigns an owner. Parameters: <c>strategy</c> (round_robin | least_loaded), <c>members</c>, <c>field</c>.</summary>
    public const string AssignOwner = "assign_owner";

    /// <summary>Renders a stored template. Parameters: <c>template</c>, <c>to</c> (where the text goes, for example document).</summary>
    public const string RenderTemplate = "render_template";

    /// <summary>Sends a message through a channel. Parameters: <c>channel</c>, <c>to</c>, <c>template</c> or <c>text</c>.</summary>
    public const string SendMessage = "send_message";

    /// <summary>Calls a signed HTTP webhook. Parameters: <c>url</c>, <c>secretSetting</c>, <c>body</c>.</summary>
    public const string Webhook = "webhook";

    /// <summary>Waits before the next step. Parameters: <c>duration</c> (ISO 8601).</summary>
    public const string Delay = "delay";

    /// <summary>Every built-in action type.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SetFields, CreateRecord, AssignOwner, RenderTemplate, SendMessage, Webhook, Delay];
}
