using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Entities;

/// <summary>Prints FieldInfo objects (docs/rest-api.md) as a table; used by entity show and the field commands.</summary>
internal static class FieldTable
{
    public static void Write(TextWriter writer, IEnumerable<JsonObject> fields)
    {
        var table = new TableWriter(
        [
            CliMessages.HeaderName, CliMessages.HeaderType, CliMessages.HeaderLabel, CliMessages.HeaderRequired,
            CliMessages.HeaderIndexed, CliMessages.HeaderUnique, CliMessages.HeaderOwner,
        ]);
        foreach (var field in fields)
        {
            table.AddRow(
                JsonText.ToCell(field["name"]),
                TypeCell(field),
                JsonText.ToCell(field["label"]),
                JsonText.ToYesNo(field["required"]),
                JsonText.ToYesNo(field["indexed"]),
                JsonText.ToYesNo(field["unique"]),
                JsonText.ToCell(field["owner"]));
        }

        table.Write(writer);
    }

    public static IEnumerable<JsonObject> FieldsOf(JsonNode? entityDetail) =>
        (entityDetail?["fields"] as JsonArray ?? []).OfType<JsonObject>();

    // A lookup names its target entity, so "lookup → company" tells more than "lookup".
    private static string TypeCell(JsonObject field)
    {
        var type = JsonText.ToCell(field["type"]);
        var target = JsonText.GetString(field["lookup"], "entity");
        return target is null ? type : $"{type} → {target}";
    }
}
