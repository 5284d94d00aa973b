using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary><c>crmkit plugin list</c>: <c>GET /api/plugins</c>.</summary>
internal sealed class PluginListCommand : CrmCommand
{
    public PluginListCommand(CliRuntime runtime)
        : base("list", "List the plugins with their version and state", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var list = await context.Client.GetAsync(ApiPaths.Plugins, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(list);
        }
        else
        {
            PluginOutput.WriteList(context.Out, list);
        }

        return ExitCodes.Ok;
    }
}
