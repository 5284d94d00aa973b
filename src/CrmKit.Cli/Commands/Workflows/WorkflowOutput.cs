using System.Text.Json.Nodes;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.Workflows;

/// <summary>Tables of workflows and of a workflow's versions.</summary>
internal static class WorkflowOutput
{
    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
            [Header("HeaderName"), Header("HeaderVersion"), Header("HeaderEnabled"), Header("HeaderTrigger"), Header("HeaderTitle")]);
        foreach (var item in Items(list))
        {
            var trigger = item["trigger"];
            var entity = JsonText.GetString(trigger, "entity");
            table.AddRow(
                JsonText.GetString(item, "name"),
                (string?)item["version"]?.ToString(),
                State(item),
                JsonText.GetString(trigger, "type") + (entity is null ? "" : " " + entity),
                JsonText.GetString(item, "title"));
        }

        table.Write(writer);
    }

    public static void WriteVersions(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
            [Header("HeaderVersion"), Header("HeaderEnabled"), Header("HeaderCreatedAt"), Header("HeaderCreatedBy"), Header("HeaderTitle")]);
        foreach (var item in Items(list))
        {
            table.AddRow(
                item["version"]?.ToString(),
                State(item),
                JsonText.GetString(item, "createdAt"),
                JsonText.GetString(item, "createdBy"),
                JsonText.GetString(item, "title"));
        }

        table.Write(writer);
    }

    private static IEnumerable<JsonNode> Items(JsonNode? list) =>
        (list?["items"] as JsonArray ?? []).OfType<JsonNode>();

    private static string State(JsonNode item) =>
        (bool?)item["deleted"] == true ? Header("DeletedMark") : Header((bool?)item["enabled"] == true ? "Yes" : "No");

    private static string Header(string key) => WorkflowCliMessages.Get(key);
}
