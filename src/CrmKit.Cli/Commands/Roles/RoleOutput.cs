using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Roles;

/// <summary>Prints roles: a list as a table, one role as a property table and its entity permissions.</summary>
internal static class RoleOutput
{
    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
        [
            CliMessages.HeaderName, CliMessages.HeaderLabel, CliMessages.HeaderBuiltIn, CliMessages.HeaderVersion,
            CliMessages.HeaderDescription,
        ]);
        foreach (var role in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(role["name"]),
                Label(role),
                JsonText.ToYesNo(role["builtIn"]),
                JsonText.ToCell(role["version"]),
                JsonText.ToCell(role["description"]));
        }

        table.Write(writer);
    }

    /// <summary>The properties (one label row per language), then a blank line and the entity permissions.</summary>
    public static void WriteDetail(TextWriter writer, JsonNode? role)
    {
        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderName, JsonText.ToCell(role?["name"]));
        foreach (var (language, label) in role?["labels"] as JsonObject ?? [])
        {
            table.AddRow($"{CliMessages.HeaderLabel} ({language})", JsonText.ToCell(label));
        }

        table.AddRow(CliMessages.HeaderDescription, JsonText.ToCell(role?["description"]));
        table.AddRow(CliMessages.HeaderPrivileges, JsonText.ToList(role?["privileges"]));
        table.AddRow(CliMessages.HeaderBuiltIn, JsonText.ToYesNo(role?["builtIn"]));
        table.AddRow(CliMessages.HeaderVersion, JsonText.ToCell(role?["version"]));
        table.AddRow(CliMessages.HeaderUpdatedAt, JsonText.ToCell(role?["updatedAt"]));
        table.AddRow(CliMessages.HeaderUpdatedBy, JsonText.ToCell(role?["updatedBy"]));
        table.Write(writer);
        writer.WriteLine();
        AccessTable.Write(writer, role?["entities"]);
    }

    // The label in crmkit's language, else the English one, else any.
    private static string Label(JsonNode role)
    {
        var labels = role["labels"] as JsonObject;
        return JsonText.GetString(labels, CliMessages.Culture.TwoLetterISOLanguageName)
            ?? JsonText.GetString(labels, "en")
            ?? labels?.Select(label => JsonText.ToCell(label.Value)).FirstOrDefault()
            ?? string.Empty;
    }
}
