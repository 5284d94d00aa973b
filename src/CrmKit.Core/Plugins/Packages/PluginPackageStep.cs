namespace CrmKit.Core.Plugins.Packages;

/// <summary>One plugin in a plan: what happens to it, from which version to which, and where the package comes from.</summary>
public sealed class PluginPackageStep
{
    /// <summary>The plugin (package) id.</summary>
    public required string Id { get; init; }

    /// <summary>What happens to the plugin.</summary>
    public required PluginPackageAction Action { get; init; }

    /// <summary>The installed version before the change; null when not installed.</summary>
    public string? FromVersion { get; init; }

    /// <summary>The version after the change (normalized SemVer); null when removed.</summary>
    public string? ToVersion { get; init; }

    /// <summary>The feed the package comes from (its nuget.config source name); null when removed.</summary>
    public string? Source { get; init; }

    /// <summary>The package's SHA-512 (base64, as NuGet writes it) when known at planning time; else null.</summary>
    public string? Sha512 { get; init; }

    /// <summary>Whether the request named the plugin (false when it came in as a dependency or stays as it was).</summary>
    public bool Requested { get; init; }

    /// <summary>The plugins this one depends on, as <c>id range</c>.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];
}
