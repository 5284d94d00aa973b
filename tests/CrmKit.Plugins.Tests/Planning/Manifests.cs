using CrmKit.Plugins.Manifest;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Planning;

/// <summary>Short manifest construction for planner tests: dependencies as "id range" strings.</summary>
internal static class Manifests
{
    public static readonly NuGetVersion Host = NuGetVersion.Parse("1.3.0");

    public static PluginManifest Plugin(
        string id,
        string version = "1.0.0",
        string sdk = "[1.0,2.0)",
        string[]? dependsOn = null,
        string[]? provides = null,
        string[]? replaces = null,
        string[]? decorates = null) =>
        new(id, NuGetVersion.Parse(version), VersionRange.Parse(sdk))
        {
            Dependencies = [.. (dependsOn ?? []).Select(ParseDependency)],
            Provides = provides ?? [],
            Replaces = replaces ?? [],
            Decorates = decorates ?? [],
        };

    private static PluginDependency ParseDependency(string text)
    {
        var parts = text.Split(' ', 2);
        return new PluginDependency(parts[0], VersionRange.Parse(parts.Length > 1 ? parts[1] : "0.0.0"));
    }
}
