using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.ApiKeys;

/// <summary>Prints API keys as a table: one row per key, with its state worked out from the revocation and expiry.</summary>
internal static class ApiKeyOutput
{
    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
        [
            CliMessages.HeaderId, CliMessages.HeaderUser, CliMessages.HeaderName, CliMessages.HeaderScopes, CliMessages.HeaderState,
            CliMessages.HeaderCreatedAt, CliMessages.HeaderExpiresAt, CliMessages.HeaderLastUsedAt,
        ]);
        foreach (var key in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(key["id"]),
                JsonText.ToCell(key["userId"]),
                JsonText.ToCell(key["name"]),
                JsonText.ToList(key["scopes"]),
                State(key),
                JsonText.ToCell(key["createdAt"]),
                key["expiresAt"] is { } expiresAt ? JsonText.ToCell(expiresAt) : CliMessages.Never,
                JsonText.ToCell(key["lastUsedAt"]));
        }

        table.Write(writer);
    }

    private static string State(JsonObject key)
    {
        if (key["revokedAt"] is not null)
        {
            return CliMessages.ApiKeyRevokedState;
        }

        return DateTimeOffset.TryParse(JsonText.GetString(key, "expiresAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            && expires <= DateTimeOffset.UtcNow
                ? CliMessages.ApiKeyExpired
                : CliMessages.ApiKeyActive;
    }
}
