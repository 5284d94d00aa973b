using System.Text.Json.Nodes;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Entities;

/// <summary><c>crmkit entity list</c>: <c>GET /api/metadata/entities</c>.</summary>
internal sealed class EntityListCommand : CrmCommand
{
    public EntityListCommand(CliRuntime runtime)
        : base("list", "List the entities", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var body = await context.Client.GetAsync(ApiPaths.Entities, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(body);
            return ExitCodes.Ok;
        }

        var table = new TableWriter(
        [
            CliMessages.HeaderName, CliMessages.HeaderLabel, CliMessages.HeaderPluralLabel, CliMessages.HeaderFields,
            CliMessages.HeaderVersion, CliMessages.HeaderOwner,
        ]);
        foreach (var entity in (body?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            table.AddRow(
                JsonText.ToCell(entity["name"]),
                JsonText.ToCell(entity["label"]),
                JsonText.ToCell(entity["pluralLabel"]),
                JsonText.ToCell(entity["fieldCount"]),
                JsonText.ToCell(entity["version"]),
                JsonText.ToCell(entity["owner"]));
        }

        table.Write(context.Out);
        return ExitCodes.Ok;
    }
}
