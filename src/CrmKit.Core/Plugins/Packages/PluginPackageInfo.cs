namespace CrmKit.Core.Plugins.Packages;

/// <summary>A plugin package found on a feed.</summary>
public sealed class PluginPackageInfo
{
    /// <summary>The package id (the plugin id).</summary>
    public required string Id { get; init; }

    /// <summary>The latest version the search allowed (normalized SemVer).</summary>
    public required string Version { get; init; }

    /// <summary>Every version the feed lists that the search allowed, highest first.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];

    /// <summary>The package title, or its id when it has none.</summary>
    public required string Title { get; init; }

    /// <summary>The package description; empty when not set.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The package authors; empty when not set.</summary>
    public string Authors { get; init; } = string.Empty;

    /// <summary>The feed it was found on (its nuget.config source name).</summary>
    public required string Source { get; init; }

    /// <summary>The version installed here; null when not installed from a feed.</summary>
    public string? InstalledVersion { get; init; }
}
