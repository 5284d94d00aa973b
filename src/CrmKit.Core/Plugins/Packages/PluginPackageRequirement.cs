namespace CrmKit.Core.Plugins.Packages;

/// <summary>A plugin to install or move to another version.</summary>
/// <param name="Id">The plugin (package) id.</param>
/// <param name="VersionRange">
/// A NuGet version range (<c>[1.2, 2.0)</c>, or <c>1.2.0</c> meaning at least 1.2.0; <c>[1.2.0]</c> for exactly that
/// version); null for the latest version the rules allow.
/// </param>
public sealed record PluginPackageRequirement(string Id, string? VersionRange = null);
