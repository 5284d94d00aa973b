using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Templates;

/// <summary>Prints templates (docs/rest-api.md): a list as a table, one template as a property table and its source.</summary>
internal static class TemplateOutput
{
    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
            [CliMessages.HeaderName, CliMessages.HeaderLocale, CliMessages.HeaderKind, CliMessages.HeaderVersion, CliMessages.HeaderUpdatedAt]);
        foreach (var template in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(template["name"]),
                JsonText.ToCell(template["locale"]),
                JsonText.ToCell(template["kind"]),
                JsonText.ToCell(template["version"]),
                JsonText.ToCell(template["updatedAt"]));
        }

        table.Write(writer);
    }

    /// <summary>The properties, then a blank line and the source as stored.</summary>
    public static void WriteDetail(TextWriter writer, JsonNode? template)
    {
        var table = new TableWriter([CliMessages.HeaderField, CliMessages.HeaderValue], maxCellWidth: null);
        table.AddRow(CliMessages.HeaderName, JsonText.ToCell(template?["name"]));
        table.AddRow(CliMessages.HeaderLocale, JsonText.ToCell(template?["locale"]));
        table.AddRow(CliMessages.HeaderKind, JsonText.ToCell(template?["kind"]));
        table.AddRow(CliMessages.HeaderVersion, JsonText.ToCell(template?["version"]));
        table.AddRow(CliMessages.HeaderDescription, JsonText.ToCell(template?["description"]));
        table.AddRow(CliMessages.HeaderUpdatedAt, JsonText.ToCell(template?["updatedAt"]));
        table.AddRow(CliMessages.HeaderUpdatedBy, JsonText.ToCell(template?["updatedBy"]));
        table.Write(writer);
        writer.WriteLine();
        writer.WriteLine(JsonText.GetString(template, "source"));
    }
}
