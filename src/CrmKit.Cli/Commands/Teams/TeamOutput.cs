using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Teams;

/// <summary>Prints teams: a list as a table, one team as a property table (or the server's JSON).</summary>
internal static class TeamOutput
{
    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter([CliMessages.HeaderId, CliMessages.HeaderName, CliMessages.HeaderVersion, CliMessages.HeaderMembers]);
        foreach (var team in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(team["id"]),
                JsonText.ToCell(team["displayName"]),
                JsonText.ToCell(team["version"]),
                JsonText.ToList(team["members"]));
        }

        table.Write(writer);
    }

    /// <summary>One team: the server's JSON with <c>--output json</c>, else a property table.</summary>
    public static void WriteTeam(CommandContext context, JsonNode? team)
    {
        if (context.Json)
        {
            context.WriteJson(team);
            return;
        }

        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderId, JsonText.ToCell(team?["id"]));
        table.AddRow(CliMessages.HeaderName, JsonText.ToCell(team?["displayName"]));
        table.AddRow(CliMessages.HeaderMembers, JsonText.ToList(team?["members"]));
        table.AddRow(CliMessages.HeaderVersion, JsonText.ToCell(team?["version"]));
        table.AddRow(CliMessages.HeaderUpdatedAt, JsonText.ToCell(team?["updatedAt"]));
        table.AddRow(CliMessages.HeaderUpdatedBy, JsonText.ToCell(team?["updatedBy"]));
        table.Write(context.Out);
    }
}
