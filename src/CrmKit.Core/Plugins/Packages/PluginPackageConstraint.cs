namespace CrmKit.Core.Plugins.Packages;

/// <summary>A version range a plugin must stay within, and who demands it.</summary>
/// <param name="Id">The plugin (package) id.</param>
/// <param name="VersionRange">A NuGet version range, such as <c>[1.2, 2.0)</c>.</param>
/// <param name="Owner">Who demands it, shown in problems, such as <c>edition:acme.b2b</c>.</param>
public sealed record PluginPackageConstraint(string Id, string VersionRange, string Owner);
