using System.CommandLine;
using CrmKit.Cli.Api;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary><c>crmkit plugin show &lt;id&gt;</c>: <c>GET /api/plugins/{id}</c>.</summary>
internal sealed class PluginShowCommand : CrmCommand
{
    private readonly Argument<string> _id = PluginCommand.IdArgument();

    public PluginShowCommand(CliRuntime runtime)
        : base("show", "Show a plugin: its state, why, its dependencies and what it registered", runtime)
    {
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var plugin = await context.Client.GetAsync(ApiPaths.Plugin(context.ParseResult.GetRequiredValue(_id)), cancellationToken);
        if (context.Json)
        {
            context.WriteJson(plugin);
        }
        else
        {
            PluginOutput.WriteDetail(context.Out, plugin);
        }

        return ExitCodes.Ok;
    }
}
