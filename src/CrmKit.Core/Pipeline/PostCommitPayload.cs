using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Core.Outbox;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Pipeline;

/// <summary>
/// The payload of a <c>pipeline.post_commit</c> job: what the hook needs once the operation has committed — entity,
/// operation, record id, pre- and post-image, changed fields, principal, depth, the message name (for messages) and which hook (name and owner).
/// </summary>
internal static class PostCommitPayload
{
    public static OutboxJobRequest Create(RecordHookContext context, string hook, string owner) => new()
    {
        Kind = OutboxJobKinds.PostCommit,
        Payload = new JsonObject
        {
            ["entity"] = context.Entity.Name,
            ["operation"] = context.Operation.ToString(),
            ["recordId"] = context.RecordId.ToString("D"),
            ["preImage"] = ToJson(context.PreImage),
            ["postImage"] = ToJson(context.PostImage),
            ["changedFields"] = new JsonArray([.. context.ChangedFields.Order(StringComparer.Ordinal).Select(f => (JsonNode?)f)]),
            ["principal"] = new JsonObject
            {
                ["id"] = context.Principal.UserId,
                ["name"] = context.Principal.DisplayName,
                ["roles"] = new JsonArray([.. context.Principal.Roles.Select(r => (JsonNode?)r)]),
                ["channel"] = context.Principal.Channel.ToString(),
            },
            ["depth"] = context.Depth,
            ["hook"] = new JsonObject { ["name"] = hook, ["owner"] = owner },
            ["message"] = context.MessageName,
        },
        CorrelationId = context.RecordId.ToString("D"),
    };

    public static RecordOperation Operation(JsonObject payload) =>
        Enum.Parse<RecordOperation>(payload["operation"]!.GetValue<string>());

    public static string? MessageName(JsonObject payload) => payload["message"]?.GetValue<string>();

    public static CrmPrincipal Principal(JsonObject payload)
    {
        var p = payload["principal"]!.AsObject();
        return new CrmPrincipal(
            p["id"]!.GetValue<string>(),
            p["name"]!.GetValue<string>(),
            [.. p["roles"]!.AsArray().Select(r => r!.GetValue<string>())],
            Enum.Parse<CrmChannel>(p["channel"]!.GetValue<string>()));
    }

    public static IReadOnlySet<string> ChangedFields(JsonObject payload) =>
        payload["changedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    public static CrmRecord? Image(JsonObject payload, string name) =>
        payload[name] is JsonObject o ? FromJson(o) : null;

    private static JsonObject? ToJson(CrmRecord? record) => record is null ? null : new JsonObject
    {
        ["entity"] = record.Entity,
        ["id"] = record.Id.ToString("D"),
        ["version"] = record.Version,
        ["createdAt"] = record.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["createdBy"] = record.CreatedBy,
        ["updatedAt"] = record.UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["updatedBy"] = record.UpdatedBy,
        ["ownerId"] = record.OwnerId,
        ["deletedAt"] = record.DeletedAt?.ToString("O", CultureInfo.InvariantCulture),
        ["values"] = record.Values.DeepClone(),
    };

    private static CrmRecord FromJson(JsonObject o) => new()
    {
        Entity = o["entity"]!.GetValue<string>(),
        Id = Guid.Parse(o["id"]!.GetValue<string>()),
        Version = o["version"]!.GetValue<long>(),
        CreatedAt = Instant(o["createdAt"])!.Value,
        CreatedBy = o["createdBy"]!.GetValue<string>(),
        UpdatedAt = Instant(o["updatedAt"])!.Value,
        UpdatedBy = o["updatedBy"]!.GetValue<string>(),
        OwnerId = o["ownerId"]?.GetValue<string>(),
        DeletedAt = Instant(o["deletedAt"]),
        Values = o["values"]!.DeepClone().AsObject(),
    };

    private static DateTimeOffset? Instant(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
