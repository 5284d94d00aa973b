using System.Text.Json.Nodes;

namespace CrmKit.Core.Tests.Workflows.Definitions;

/// <summary>Workflow documents the tests start from (the contract's examples over the standard model).</summary>
internal static class WorkflowDocuments
{
    public const string LeadAssignment =
        """
        {
          "name": "lead-assignment",
          "title": "Assign new leads",
          "trigger": {"type": "record.created", "entity": "lead"},
          "condition": "record.expected_amount > 1000",
          "steps": [
            {"id": "assign", "action": "assign_owner", "parameters": {"field": "owner_id", "strategy": "round_robin", "members": ["u1", "u2"]}},
            {"id": "task", "action": "create_record", "parameters": {"entity": "activity", "values": {"subject": "Call {{ record.name }}"}}},
            {"id": "wait", "action": "delay", "parameters": {"duration": "PT1H"}}
          ]
        }
        """;

    public const string Reminder =
        """
        {
          "name": "activity-reminder",
          "trigger": {"type": "date.relative", "entity": "activity", "field": "due_at", "offset": "-P1D"},
          "steps": [{"id": "sms", "action": "send_message", "parameters": {"channel": "telegram", "to": "{{ record.owner_id }}", "text": "Due tomorrow"}}]
        }
        """;

    public const string Morning =
        """
        {
          "name": "morning",
          "trigger": {"type": "schedule", "cron": "0 9 * * MON-FRI", "timeZone": "Europe/Moscow"},
          "steps": [{"id": "hook", "action": "webhook", "parameters": {"url": "https://example.test/hook"}}]
        }
        """;

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The lead-assignment document changed by <paramref name="change"/>.</summary>
    public static JsonObject Lead(Action<JsonObject>? change = null)
    {
        var document = Parse(LeadAssignment);
        change?.Invoke(document);
        return document;
    }
}
