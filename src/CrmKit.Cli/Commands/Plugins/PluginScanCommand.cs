using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary><c>crmkit plugin scan</c>: <c>POST /api/plugins/scan</c>.</summary>
internal sealed class PluginScanCommand : CrmCommand
{
    public PluginScanCommand(CliRuntime runtime)
        : base("scan", "Rescan the plugins folder: load new plugins, reload changed ones, unload removed ones", runtime)
    {
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var response = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.PluginsScan, body: null, ifMatchVersion: null, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(response.Body);
        }
        else
        {
            PluginOutput.WriteList(context.Out, response.Body);
        }

        return ExitCodes.Ok;
    }
}
