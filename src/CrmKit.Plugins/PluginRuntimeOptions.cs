using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins;

/// <summary>Options of the plugin runtime (configuration section <c>CrmKit:Plugins</c> in CrmKit.Server).</summary>
public sealed class PluginRuntimeOptions
{
    private readonly List<InCodePlugin> _inCode = [];

    /// <summary>
    /// The plugins folder: one sub-folder per plugin, as <c>dotnet publish</c> of the plugin project produces it.
    /// A relative path is taken from the host's content root. Default <c>plugins</c>; empty to use no folder.
    /// </summary>
    public string Directory { get; set; } = "plugins";

    /// <summary>How long a plugin may take to register and start before it is marked Failed (default 10 seconds).</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether to watch the plugins folder and load, reload or unload plugins as their folders appear, change or go
    /// away (default true). Changes are picked up after the folder has been quiet for <see cref="WatchDelay"/>.
    /// </summary>
    public bool WatchDirectory { get; set; } = true;

    /// <summary>How long the plugins folder must be quiet before a change is acted on (default 1 second).</summary>
    public TimeSpan WatchDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The plugins the host adds in code.</summary>
    public IReadOnlyList<InCodePlugin> InCode => _inCode;

    /// <summary>
    /// Adds a plugin in code: it is planned, started, reported and can be disabled like any other plugin, but runs in
    /// the host's load context (it cannot be unloaded, only unregistered).
    /// </summary>
    /// <param name="module">The plugin's module; its <see cref="ICrmModule.Id"/> must equal the manifest id.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <returns>These options.</returns>
    public PluginRuntimeOptions AddInCode(ICrmModule module, PluginManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(manifest);
        _inCode.Add(new InCodePlugin(module, manifest));
        return this;
    }
}
