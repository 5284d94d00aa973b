using System.Text.Json.Nodes;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary>
/// <c>crmkit plugin list</c>: <c>GET /api/plugins</c>, and <c>GET /api/plugin-packages</c> for the package version and
/// source of plugins installed from feeds (left out when the server has no plugin distribution).
/// </summary>
internal sealed class PluginListCommand : CrmCommand
{
    public PluginListCommand(CliRuntime runtime)
        : base("list", "List the plugins with their version and state", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Plugins, cancellationToken);
        JsonNode? packages;
        try
        {
            packages = await context.Client.GetAsync(ApiPaths.PluginPackages, cancellationToken);
        }
        catch (ApiProblemException missing) when (missing.Problem.Status == 404)
        {
            packages = null;
        }

        if (context.Json)
        {
            context.WriteJson(packages is null ? list : new JsonObject { ["items"] = list?["items"]?.DeepClone(), ["packages"] = packages["items"]?.DeepClone() });
        }
        else
        {
            PluginOutput.WriteList(context.Out, list, packages);
        }

        return ExitCodes.Ok;
    }
}
