using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary>Prints plugin package plans, search results and refusals (docs/rest-api.md, plugin packages).</summary>
internal static class PluginPackageOutput
{
    /// <summary>One row a step: id, action, from, to, source; then the problems to stderr.</summary>
    public static void WritePlan(TextWriter writer, JsonNode? plan)
    {
        var steps = (plan?["steps"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (steps.All(s => JsonText.GetString(s, "action") == "keep"))
        {
            writer.WriteLine(CliMessages.PackagePlanNothing);
        }

        if (steps.Count == 0)
        {
            return;
        }

        var table = new TableWriter(
            [CliMessages.HeaderId, CliMessages.HeaderAction, CliMessages.HeaderFrom, CliMessages.HeaderTo, CliMessages.HeaderSource]);
        foreach (var step in steps)
        {
            table.AddRow(JsonText.ToCell(step["id"]), JsonText.ToCell(step["action"]), JsonText.GetString(step, "fromVersion"),
                JsonText.GetString(step, "toVersion"), JsonText.GetString(step, "source"));
        }

        table.Write(writer);
    }

    public static void WriteProblems(TextWriter writer, JsonNode? problems)
    {
        foreach (var problem in (problems as JsonArray ?? []).OfType<JsonObject>())
        {
            writer.WriteLine(CliMessages.PackageProblem(JsonText.GetString(problem, "code") ?? string.Empty, JsonText.GetString(problem, "message") ?? string.Empty));
        }
    }

    public static void WriteSearch(TextWriter writer, JsonNode? list)
    {
        var table = new TableWriter(
            [CliMessages.HeaderId, CliMessages.HeaderVersion, CliMessages.HeaderInstalled, CliMessages.HeaderSource, CliMessages.HeaderTitle]);
        foreach (var item in (list?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(JsonText.ToCell(item["id"]), JsonText.ToCell(item["version"]), JsonText.GetString(item, "installedVersion"),
                JsonText.GetString(item, "source"), JsonText.GetString(item, "title"));
        }

        table.Write(writer);
    }

    /// <summary>
    /// A refusal of the plugin package endpoints: every problem to stderr (and the plan to stdout when it came along);
    /// 1 for a 4xx answer, 3 for a 5xx one (a feed failed or is not configured).
    /// </summary>
    public static async Task<int> WriteRefusalAsync(CommandContext context, ApiProblemException refusal)
    {
        var document = refusal.Problem.Document;
        if (context.Json)
        {
            context.WriteJson(document);
        }
        else if (document?["plan"] is JsonObject plan && (plan["steps"] as JsonArray)?.Count > 0)
        {
            WritePlan(context.Out, plan);
        }

        if (document?["problems"] is JsonArray problems && problems.Count > 0)
        {
            WriteProblems(context.Host.Stderr, problems);
        }
        else
        {
            ProblemWriter.Write(context.Host.Stderr, refusal.Problem);
        }

        await context.Host.Stderr.FlushAsync();
        return refusal.Problem.Status >= 500 ? ExitCodes.Unavailable : ExitCodes.Refused;
    }
}
