using System.Text.Json.Nodes;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Audit;

/// <summary>Builds the audit entries of record operations, as the records service appends them in its transaction.</summary>
internal static class AuditEntries
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Restore = "restore";

    /// <summary>An entry of an operation by <paramref name="principal"/> (the ambient <see cref="AuditSource"/> applied).</summary>
    public static StoredAuditEntry For(
        string operation, string entity, StoredRecord row, CrmPrincipal principal, DateTimeOffset at, string? oldValues, string? newValues)
    {
        var source = AuditSource.Value;
        var channel = source?.Channel ?? principal.Channel;
        return new StoredAuditEntry
        {
            Entity = entity,
            RecordId = row.Id,
            Operation = operation,
            At = at,
            UserId = principal.UserId,
            UserName = principal.DisplayName,
            Channel = ChannelName(channel),
            Source = source?.Source,
            RecordVersion = row.Version,
            OldValues = oldValues,
            NewValues = newValues,
        };
    }

    /// <summary>
    /// The old and new values of every field that differs between <paramref name="before"/> and <paramref name="after"/>
    /// (what the caller changed and what hooks changed on top), and of the owner, as two JSON object texts.
    /// </summary>
    public static (string Old, string New) Changes(JsonObject before, JsonObject after, string? oldOwner, string? newOwner)
    {
        var oldValues = new JsonObject();
        var newValues = new JsonObject();
        foreach (var field in before.Select(p => p.Key).Union(after.Select(p => p.Key), StringComparer.Ordinal))
        {
            if (!JsonNode.DeepEquals(before[field], after[field]))
            {
                oldValues[field] = before[field]?.DeepClone();
                newValues[field] = after[field]?.DeepClone();
            }
        }

        if (!string.Equals(oldOwner, newOwner, StringComparison.Ordinal))
        {
            oldValues[SystemFields.OwnerId] = oldOwner;
            newValues[SystemFields.OwnerId] = newOwner;
        }

        return (RecordJson.Serialize(oldValues), RecordJson.Serialize(newValues));
    }

    public static string ChannelName(CrmChannel channel) => channel.ToString().ToLowerInvariant();
}
