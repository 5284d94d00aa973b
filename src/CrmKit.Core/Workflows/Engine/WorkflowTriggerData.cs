using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>What a run keeps of its trigger (the run's <c>trigger_data</c>): the event, the previous values, who.</summary>
internal static class WorkflowTriggerData
{
    public static string Serialize(WorkflowEvent trigger, JsonObject? previous) => new JsonObject
    {
        ["type"] = trigger.TriggerType,
        ["entity"] = trigger.Entity,
        ["recordId"] = trigger.RecordId?.ToString("D"),
        ["payload"] = trigger.Payload.DeepClone(),
        ["occurredAt"] = trigger.OccurredAt,
        ["idempotencyKey"] = trigger.IdempotencyKey,
        ["correlationId"] = trigger.CorrelationId,
        ["previous"] = previous?.DeepClone(),
        ["principal"] = new JsonObject
        {
            ["userId"] = trigger.Principal.UserId,
            ["displayName"] = trigger.Principal.DisplayName,
            ["roles"] = new JsonArray(trigger.Principal.Roles.Select(r => (JsonNode?)r).ToArray()),
        },
    }.ToJsonString();

    public static (WorkflowEvent Event, JsonObject? Previous) Parse(string json)
    {
        var data = JsonNode.Parse(json)!.AsObject();
        var p = data["principal"]!.AsObject();
        var principal = new CrmPrincipal(
            (string)p["userId"]!, (string?)p["displayName"] ?? (string)p["userId"]!,
            p["roles"]?.AsArray().Select(r => (string)r!).ToArray() ?? [], CrmChannel.Workflow);
        var trigger = new WorkflowEvent
        {
            TriggerType = (string)data["type"]!,
            Entity = (string?)data["entity"],
            RecordId = data["recordId"] is { } id ? Guid.Parse((string)id!) : null,
            Payload = data["payload"]?.AsObject() is { } payload ? (JsonObject)payload.DeepClone() : [],
            OccurredAt = (DateTimeOffset)data["occurredAt"]!,
            Principal = principal,
            IdempotencyKey = (string?)data["idempotencyKey"] ?? "",
            CorrelationId = (string?)data["correlationId"],
        };
        return (trigger, data["previous"] is JsonObject previous ? (JsonObject)previous.DeepClone() : null);
    }
}
