using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Users;

/// <summary>Prints accounts: a list as a table, one account as a property table (or the server's JSON).</summary>
internal static class UserOutput
{
    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
        [
            CliMessages.HeaderId, CliMessages.HeaderName, CliMessages.HeaderKind, CliMessages.HeaderEmail,
            CliMessages.HeaderRoles, CliMessages.HeaderTeams, CliMessages.HeaderActive,
        ]);
        foreach (var user in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(user["id"]),
                JsonText.ToCell(user["displayName"]),
                JsonText.ToCell(user["kind"]),
                JsonText.ToCell(user["email"]),
                JsonText.ToList(user["roles"]),
                JsonText.ToList(user["teams"]),
                JsonText.ToYesNo(user["active"]));
        }

        table.Write(writer);
    }

    /// <summary>One account: the server's JSON with <c>--output json</c>, else a property table.</summary>
    public static void WriteUser(CommandContext context, JsonNode? user)
    {
        if (context.Json)
        {
            context.WriteJson(user);
            return;
        }

        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderId, JsonText.ToCell(user?["id"]));
        table.AddRow(CliMessages.HeaderName, JsonText.ToCell(user?["displayName"]));
        table.AddRow(CliMessages.HeaderKind, JsonText.ToCell(user?["kind"]));
        table.AddRow(CliMessages.HeaderEmail, JsonText.ToCell(user?["email"]));
        table.AddRow(CliMessages.HeaderExternalId, JsonText.ToCell(user?["externalId"]));
        table.AddRow(CliMessages.HeaderRoles, JsonText.ToList(user?["roles"]));
        table.AddRow(CliMessages.HeaderTeams, JsonText.ToList(user?["teams"]));
        table.AddRow(CliMessages.HeaderActive, JsonText.ToYesNo(user?["active"]));
        table.AddRow(CliMessages.HeaderVersion, JsonText.ToCell(user?["version"]));
        table.AddRow(CliMessages.HeaderUpdatedAt, JsonText.ToCell(user?["updatedAt"]));
        table.AddRow(CliMessages.HeaderUpdatedBy, JsonText.ToCell(user?["updatedBy"]));
        table.Write(context.Out);
    }
}
