using System.CommandLine;
using CrmKit.Cli.Api;
using CrmKit.Cli.Output;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary>
/// <c>crmkit plugin enable|disable|reload &lt;id&gt;</c>: <c>POST /api/plugins/{id}/{action}</c>. An enable or reload
/// that leaves the plugin failed or blocked did not do what was asked: the reason goes to stderr and the exit code is 1.
/// </summary>
internal sealed class PluginStateCommand : CrmCommand
{
    public const string Enable = "enable";
    public const string Disable = "disable";
    public const string Reload = "reload";

    private readonly Argument<string> _id = PluginCommand.IdArgument();
    private readonly string _action;

    public PluginStateCommand(CliRuntime runtime, string action)
        : base(action, Describe(action), runtime)
    {
        _action = action;
        Add(_id);
    }

    protected override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var id = context.ParseResult.GetRequiredValue(_id);
        var response = await context.Client.SendAsync(
            HttpMethod.Post, ApiPaths.PluginAction(id, _action), body: null, ifMatchVersion: null, cancellationToken);
        var plugin = response.Body;
        var state = JsonText.GetString(plugin, "state") ?? string.Empty;
        var expected = _action == Disable ? "disabled" : "loaded";
        if (context.Json)
        {
            context.WriteJson(plugin);
        }
        else if (state == expected)
        {
            context.Out.WriteLine(CliMessages.PluginNowInState(id, state));
        }

        if (state == expected)
        {
            return ExitCodes.Ok;
        }

        await context.Host.Stderr.WriteLineAsync(CliMessages.PluginNotInState(id, state, PluginOutput.Reason(plugin)));
        return ExitCodes.Refused;
    }

    private static string Describe(string action) => action switch
    {
        Enable => "Enable a disabled or failed plugin (the choice survives restarts)",
        Disable => "Disable a plugin: its extensions go away, its fields and data stay",
        Reload => "Unload a plugin and load it again from its folder, picking up a newer build",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
