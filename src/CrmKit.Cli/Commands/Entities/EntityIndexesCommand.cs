using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Entities;

/// <summary><c>crmkit entity indexes</c>: <c>GET /api/metadata/index-builds</c>.</summary>
internal sealed class EntityIndexesCommand : CrmCommand
{
    public EntityIndexesCommand(CliRuntime runtime)
        : base("indexes", CliMessages.EntityIndexesDescription, runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var body = await context.Client.GetAsync(ApiPaths.IndexBuilds, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(body);
            return ExitCodes.Ok;
        }

        var table = new TableWriter(
        [
            CliMessages.HeaderEntity, CliMessages.HeaderField, CliMessages.HeaderIndex, CliMessages.HeaderState,
            CliMessages.HeaderProgress, CliMessages.HeaderReason,
        ]);
        foreach (var build in (body?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(build["entity"]),
                JsonText.ToCell(build["field"]),
                JsonText.ToCell(build["index"]),
                JsonText.ToCell(build["state"]),
                Progress(build),
                JsonText.ToCell(build["error"]));
        }

        table.Write(context.Out);
        return ExitCodes.Ok;
    }

    /// <summary>"21% building index: scanning table", the phase alone when there is no count, or empty (counts: --output json).</summary>
    private static string Progress(JsonObject build)
    {
        var phase = build["phase"]?.GetValue<string>();
        if (phase is null)
        {
            return string.Empty;
        }

        if (build["done"]?.GetValue<long>() is { } done && build["total"]?.GetValue<long>() is { } total and > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{100 * done / total}% {phase}");
        }

        return phase;
    }
}
