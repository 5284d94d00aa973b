using System.Text.Json.Nodes;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;
using CrmKit.Core.Editions;

namespace CrmKit.Cli.Commands.Editions;

/// <summary>Prints edition plans (docs/editions.md): the sections that change, one line an item, then the problems.</summary>
internal static class EditionOutput
{
    public static JsonArray Problems(IEnumerable<EditionProblem> problems) =>
        new(problems.Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["message"] = p.Message, ["file"] = p.File, ["path"] = p.Path }).ToArray());

    public static void WritePlan(TextWriter writer, JsonObject plan)
    {
        var id = JsonText.ToCell(plan["id"]);
        writer.WriteLine(CliMessages.EditionPlanHeading(id, plan["fromVersion"] is null ? "-" : JsonText.ToCell(plan["fromVersion"]), JsonText.ToCell(plan["toVersion"])));
        if (plan["upToDate"]?.GetValue<bool>() == true)
        {
            writer.WriteLine(CliMessages.EditionUpToDate(id, JsonText.ToCell(plan["toVersion"])));
            return;
        }

        var plugins = Items(plan["plugins"]).Select(p => $"{JsonText.ToCell(p["action"])} {JsonText.ToCell(p["id"])} {JsonText.ToCell(p["fromVersion"])} -> {JsonText.ToCell(p["toVersion"])}".Replace("  ", " ", StringComparison.Ordinal)).ToList();
        Section(writer, "plugins", plugins);
        var entities = Items(plan["entities"]).SelectMany(e =>
            new[] { $"{JsonText.ToCell(e["action"])} {JsonText.ToCell(e["entity"])}" }.Concat(Items(e["fields"]).Select(f =>
                $"  {JsonText.ToCell(f["action"])} {JsonText.ToCell(e["entity"])}.{JsonText.ToCell(f["field"])}{(f["from"] is null ? "" : " (from " + JsonText.ToCell(f["from"]) + ")")}"))).ToList();
        Section(writer, "entities", entities);
        foreach (var name in new[] { "workflows", "templates", "seed", "settings" })
        {
            Section(writer, name, Items(plan[name]).Select(i => $"{JsonText.ToCell(i["action"])} {JsonText.ToCell(i["name"])}").ToList());
        }

        var problems = Items(plan["problems"]).ToList();
        if (problems.Count > 0)
        {
            writer.WriteLine(CliMessages.EditionCannotApply(problems.Count));
            foreach (var p in problems)
            {
                var path = p["path"] is JsonValue v && v.GetValue<string>() is { Length: > 0 } s ? "#" + s : "";
                writer.WriteLine(CliMessages.EditionProblemLine(JsonText.ToCell(p["code"]), p["file"] is null ? "" : JsonText.ToCell(p["file"]), path, JsonText.ToCell(p["message"])));
            }
        }
    }

    private static void Section(TextWriter writer, string name, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        writer.WriteLine(CliMessages.EditionSection(name, lines.Count));
        foreach (var line in lines)
        {
            writer.WriteLine("  " + line);
        }
    }

    private static IEnumerable<JsonObject> Items(JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();
}
