using System.Text.Json.Nodes;
using CrmKit.Cli.Output;

namespace CrmKit.Cli.Commands.WorkflowRuns;

/// <summary>Prints runs: a list as a table, one run as a property table and its steps.</summary>
internal static class WorkflowRunOutput
{
    private static string H(string key) => WorkflowRunCliMessages.Get(key);

    public static void WriteList(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter([H("HeaderRun"), H("HeaderVersion"), H("HeaderStatus"), H("HeaderTrigger"), H("HeaderStep"), H("HeaderCreated"), H("HeaderError")]);
        foreach (var run in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(JsonText.ToCell(run["id"]), JsonText.ToCell(run["version"]), JsonText.ToCell(run["status"]),
                JsonText.ToCell(run["trigger"]), JsonText.ToCell(run["stepId"]), JsonText.ToCell(run["createdAt"]), JsonText.ToCell(run["error"]));
        }

        table.Write(writer);
    }

    public static void WriteDetail(TextWriter writer, JsonNode? run)
    {
        var properties = new TableWriter([H("HeaderRun"), JsonText.ToCell(run?["id"])], maxCellWidth: null);
        properties.AddRow(H("HeaderWorkflow"), $"{JsonText.ToCell(run?["workflow"])} v{JsonText.ToCell(run?["version"])}");
        properties.AddRow(H("HeaderStatus"), JsonText.ToCell(run?["status"]));
        properties.AddRow(H("HeaderTrigger"), JsonText.ToCell(run?["trigger"]));
        properties.AddRow(H("HeaderRecord"), $"{JsonText.ToCell(run?["entity"])} {JsonText.ToCell(run?["recordId"])}".Trim());
        properties.AddRow(H("HeaderStep"), JsonText.ToCell(run?["stepId"]));
        properties.AddRow(H("HeaderCreated"), JsonText.ToCell(run?["createdAt"]));
        properties.AddRow(H("HeaderFinished"), JsonText.ToCell(run?["finishedAt"]));
        properties.AddRow(H("HeaderError"), JsonText.ToCell(run?["error"]));
        properties.Write(writer);
        writer.WriteLine();
        var steps = new TableWriter([H("HeaderStep"), H("HeaderAction"), H("HeaderStatus"), H("HeaderAttempts"), H("HeaderDuration"), H("HeaderOutput"), H("HeaderError")]);
        foreach (var step in (run?["steps"] as JsonArray ?? []).OfType<JsonObject>())
        {
            steps.AddRow(JsonText.ToCell(step["id"]), JsonText.ToCell(step["action"]), JsonText.ToCell(step["status"]),
                JsonText.ToCell(step["attempts"]), JsonText.ToCell(step["durationMs"]), JsonText.ToCompact(step["output"]), JsonText.ToCell(step["error"]));
        }

        steps.Write(writer);
    }
}
