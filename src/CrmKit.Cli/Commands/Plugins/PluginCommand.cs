using System.CommandLine;

namespace CrmKit.Cli.Commands.Plugins;

/// <summary><c>crmkit plugin</c>: the plugins of the server and their state.</summary>
internal sealed class PluginCommand : Command
{
    public PluginCommand(CliRuntime runtime)
        : base("plugin", "Inspect the server's plugins; enable, disable, reload them; rescan the plugins folder; search, install, update, remove and restore plugin packages from NuGet feeds")
    {
        Add(new PluginListCommand(runtime));
        Add(new PluginShowCommand(runtime));
        Add(new PluginStateCommand(runtime, PluginStateCommand.Enable));
        Add(new PluginStateCommand(runtime, PluginStateCommand.Disable));
        Add(new PluginStateCommand(runtime, PluginStateCommand.Reload));
        Add(new PluginScanCommand(runtime));
        Add(new PluginSettingsCommand(runtime));
        Add(new PluginSearchCommand(runtime));
        Add(new PluginPackageChangeCommand(runtime, PluginPackageChangeCommand.Install));
        Add(new PluginPackageChangeCommand(runtime, PluginPackageChangeCommand.Update));
        Add(new PluginPackageChangeCommand(runtime, PluginPackageChangeCommand.Remove));
        Add(new PluginRestoreCommand(runtime));
    }

    /// <summary>The plugin id argument the commands share.</summary>
    public static Argument<string> IdArgument() => new("id")
    {
        Description = "The plugin's id (for example acme.loyalty)",
    };
}
