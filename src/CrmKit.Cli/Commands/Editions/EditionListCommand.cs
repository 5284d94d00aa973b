using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Editions;

/// <summary><c>crmkit edition list</c>: <c>GET /api/editions</c>.</summary>
internal sealed class EditionListCommand : CrmCommand
{
    public EditionListCommand(CliRuntime runtime)
        : base("list", "List the installed editions", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Editions, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
            return ExitCodes.Ok;
        }

        var table = new TableWriter([CliMessages.HeaderId, CliMessages.HeaderVersion, CliMessages.HeaderName]);
        foreach (var edition in (list?["items"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>())
        {
            table.AddRow(JsonText.ToCell(edition["id"]), JsonText.ToCell(edition["version"]), JsonText.ToCell(edition["title"]));
        }

        table.Write(context.Out);
        return ExitCodes.Ok;
    }
}
