using System.CommandLine;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Entities;

/// <summary><c>crmkit entity history &lt;entity&gt;</c>: <c>GET /api/metadata/entities/{entity}/history</c>.</summary>
internal sealed class EntityHistoryCommand : CrmCommand
{
    private readonly Argument<string> _entity = CommandArguments.Entity();

    public EntityHistoryCommand(CliRuntime runtime)
        : base("history", "Show the metadata versions of an entity and what changed in each", runtime)
    {
        Add(_entity);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var entity = context.ParseResult.GetRequiredValue(_entity);
        var body = await context.Client.GetAsync(ApiPaths.EntityHistory(entity), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(body);
            return ExitCodes.Ok;
        }

        var table = new TableWriter(
            [CliMessages.HeaderVersion, CliMessages.HeaderChangedAt, CliMessages.HeaderChangedBy, CliMessages.HeaderChanges],
            maxCellWidth: 80);
        foreach (var version in (body?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(version["version"]),
                JsonText.ToCell(version["changedAt"]),
                JsonText.ToCell(version["changedBy"]),
                DescribeDiff(version["diff"]));
        }

        table.Write(context.Out);
        return ExitCodes.Ok;
    }

    // Each diff entry ({"op": "add|change|remove|create", "field": ...}) is shown as "op field"; entries of another
    // shape as their JSON, so a newer server's history still prints.
    private static string DescribeDiff(JsonNode? diff)
    {
        if (diff is not JsonArray entries)
        {
            return JsonText.ToCell(diff);
        }

        return string.Join("; ", entries.Select(entry =>
        {
            var op = JsonText.GetString(entry, "op");
            var target = JsonText.GetString(entry, "field") ?? JsonText.GetString(entry, "path");
            return op is null ? JsonText.ToCell(entry) : target is null ? op : $"{op} {target}";
        }));
    }
}
