using System.Text.Json.Nodes;
using CrmKit.Core.Storage;

namespace CrmKit.Core.Security;

/// <summary>Stored API key documents: the description plus the secret's hash.</summary>
internal static class ApiKeyDocuments
{
    public static JsonObject ToDocument(ApiKeyInfo key, string hash) => new()
    {
        ["userId"] = key.UserId,
        ["name"] = key.Name,
        ["scopes"] = new JsonArray([.. key.Scopes.Select(s => (JsonNode?)s)]),
        ["hash"] = hash,
        ["createdAt"] = key.CreatedAt,
        ["createdBy"] = key.CreatedBy,
        ["expiresAt"] = key.ExpiresAt,
        ["revokedAt"] = key.RevokedAt,
        ["lastUsedAt"] = key.LastUsedAt,
    };

    public static (ApiKeyInfo Info, string Hash) Read(StoredSecurityObject stored)
    {
        var d = (JsonObject)JsonNode.Parse(stored.Document)!;
        var info = new ApiKeyInfo
        {
            Id = stored.Id,
            UserId = (string)d["userId"]!,
            Name = (string)d["name"]!,
            Scopes = [.. d["scopes"]!.AsArray().Select(s => (string)s!)],
            CreatedAt = (DateTimeOffset)d["createdAt"]!,
            CreatedBy = (string?)d["createdBy"] ?? "",
            ExpiresAt = (DateTimeOffset?)d["expiresAt"],
            RevokedAt = (DateTimeOffset?)d["revokedAt"],
            LastUsedAt = (DateTimeOffset?)d["lastUsedAt"],
            Version = stored.Version,
        };
        return (info, (string)d["hash"]!);
    }

    /// <summary>The API shape (no hash), instants in the API's canonical UTC form.</summary>
    public static JsonObject ToJson(ApiKeyInfo key) => new()
    {
        ["id"] = key.Id,
        ["userId"] = key.UserId,
        ["name"] = key.Name,
        ["scopes"] = new JsonArray([.. key.Scopes.Select(s => (JsonNode?)s)]),
        ["createdAt"] = CanonicalInstant.ToText(key.CreatedAt),
        ["createdBy"] = key.CreatedBy,
        ["expiresAt"] = Text(key.ExpiresAt),
        ["revokedAt"] = Text(key.RevokedAt),
        ["lastUsedAt"] = Text(key.LastUsedAt),
    };

    private static string? Text(DateTimeOffset? instant) => instant is { } i ? CanonicalInstant.ToText(i) : null;
}
