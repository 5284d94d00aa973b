namespace CrmKit.Distribution;

/// <summary>Options of plugin distribution (configuration section <c>CrmKit:Distribution</c> in CrmKit.Server).</summary>
public sealed class PluginPackageOptions
{
    /// <summary>
    /// The nuget.config whose package sources and credentials are used. A relative path is taken from the host's content
    /// root. Default <c>nuget.config</c> (under the content root); a missing file is reported as
    /// <c>plugin_package.invalid_configuration</c> when a feed is needed.
    /// </summary>
    public string NuGetConfig { get; set; } = "nuget.config";

    /// <summary>Whether prerelease versions may be chosen without the request asking for them (default false).</summary>
    public bool AllowPrerelease { get; set; }

    /// <summary>
    /// The lock file pinning the installed set. A relative path is taken from the host's content root. Default
    /// <c>plugins.lock.json</c>.
    /// </summary>
    public string LockFile { get; set; } = "plugins.lock.json";

    /// <summary>How long one feed request may take before the feed counts as unreachable (default 100 seconds).</summary>
    public TimeSpan FeedTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
