namespace CrmKit.Core.Plugins.Packages;

/// <summary>A plugin package pinned in <c>plugins.lock.json</c>.</summary>
public sealed class InstalledPluginPackage
{
    /// <summary>The package id (the plugin id).</summary>
    public required string Id { get; init; }

    /// <summary>The installed version (normalized SemVer).</summary>
    public required string Version { get; init; }

    /// <summary>The package's SHA-512, base64.</summary>
    public required string Sha512 { get; init; }

    /// <summary>The feed it was installed from (its nuget.config source name).</summary>
    public required string Source { get; init; }

    /// <summary>The plugins it depends on, as <c>id range</c>.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Whether it was asked for by name (false when installed only as a dependency).</summary>
    public bool Requested { get; init; }
}
