using CrmKit.Plugins.Manifest;
using NuGet.Frameworks;
using NuGet.Versioning;

namespace CrmKit.Distribution;

/// <summary>The English messages of plugin package problems; each names the package, versions, ranges or feed.</summary>
internal static class PluginPackageMessages
{
    public static string LockInvalid(string path, string reason) => $"The lock file '{path}' is not valid: {reason}";

    public static string UnsafePath(string package, string entry) =>
        $"The package {package} contains the unsafe path '{entry}' (absolute, with a drive, or leaving its folder through '..'); nothing was extracted.";

    public static string NotPluginType(string package) =>
        $"The package {package} is not a CrmKit plugin: its nuspec does not declare the package type CrmKitPlugin.";

    public static string NoManifest(string package) =>
        $"The package {package} is not a CrmKit plugin: it has no crmkit-plugin.json at its root.";

    public static string BadManifest(string package, string reason) =>
        $"The package {package} is not a valid CrmKit plugin: {reason}";

    public static string ManifestIdentity(string package, PluginManifest manifest) =>
        $"The package {package} carries the manifest of {manifest.Id} {manifest.Version.ToNormalizedString()}; the package id and version must be the plugin's.";

    public static string NoAssets(string package, NuGetFramework host, IEnumerable<string> frameworks) =>
        $"The package {package} has no lib/ assets this host ({host.GetShortFolderName()}) can load; it has: {Join(frameworks)}.";

    public static string NoEntryAssembly(string package, string folder, string entry) =>
        $"The package {package} has no entry assembly '{entry}' in {folder}.";

    public static string Unreadable(string package, string reason) => $"The package {package} cannot be read: {reason}";

    public static string InvalidId(string id) =>
        $"'{id}' is not a plugin id (lower-case dotted segments of letters, digits and inner hyphens, such as acme.loyalty).";

    public static string InvalidRange(string id, string range) => $"'{range}' is not a NuGet version range (for {id}); use 1.2.0, [1.2.0], [1.0, 2.0)...";

    public static string InvalidConstraint(string owner, string id, string range) =>
        $"The constraint of {owner} on {id} has the range '{range}', which is not a NuGet version range.";

    public static string InstallAndRemove(string id) => $"{id} is both to be installed or updated and to be removed.";

    public static string NotInstalled(string id) => $"{id} is not installed from a feed (plugins.lock.json does not pin it).";

    public static string FolderNotFromFeed(string id, string folder) =>
        $"The plugins folder already holds {id} in '{folder}', which was not installed from a feed; remove that folder first.";

    public static string NotFound(string id) => $"No package source has a package '{id}'.";

    public static string NotInRange(string id, string range, IEnumerable<NuGetVersion> versions) =>
        $"No package source has {id} in the range {range}; the feeds have {JoinVersions(versions)}.";

    public static string PrereleaseOnly(string id, string range, IEnumerable<NuGetVersion> versions) =>
        $"Only prerelease versions of {id} ({JoinVersions(versions)}) are in the range {range}, and prerelease versions are not allowed; ask for prerelease explicitly.";

    public static string ConstraintExcludes(string id, string owner, string range, IEnumerable<NuGetVersion> versions) =>
        $"{owner} requires {id} in {range}, which excludes every version the change could use ({JoinVersions(versions)}).";

    public static string DependencyNotOnFeed(string id, NuGetVersion version, string dependency, string range) =>
        $"{id} {version.ToNormalizedString()} depends on {dependency} {range}, and no package source has {dependency}.";

    public static string DependencyNotInRange(string id, NuGetVersion version, string dependency, string range, IEnumerable<NuGetVersion> versions) =>
        $"{id} {version.ToNormalizedString()} depends on {dependency} {range}, and no usable version is in that range (the feeds have {JoinVersions(versions)}).";

    public static string DependencyRemoved(string id, NuGetVersion version, string dependency, string range) =>
        $"{id} {version.ToNormalizedString()} depends on {dependency} {range}, which is to be removed.";

    public static string HasDependents(string id, IEnumerable<string> dependents) =>
        $"{id} cannot be removed: {string.Join(", ", dependents)} still depend on it; remove them too, or first.";

    public static string Unresolvable(string reason) => $"The plugin versions cannot be resolved together: {reason}";

    public static string SdkIncompatible(string id, NuGetVersion version, VersionRange range, NuGetVersion host) =>
        $"{id} {version.ToNormalizedString()} supports CrmKit.Sdk {range.ToNormalizedString()}; this host runs CrmKit.Sdk {host.ToNormalizedString()}.";

    public static string LockedGone(string id, NuGetVersion version) =>
        $"{id} {version.ToNormalizedString()}, pinned in plugins.lock.json, is on no package source any more; the locked set cannot be restored.";

    public static string LockedChanged(string id, NuGetVersion version, string reason) =>
        $"{id} {version.ToNormalizedString()}, pinned in plugins.lock.json, cannot be restored: {reason}";

    public static string PlanHasProblems(int count) => $"The plan has {count} problem(s) and was not applied.";

    public static string PlanOutdated(string id) =>
        $"The installed plugins changed since the plan was made ({id}); plan again.";

    public static string Busy() => "Another plugin package change is in progress; try again when it has finished.";

    public static string NotLoaded(string id, string version, string state, string? reason) =>
        $"{id} {version} did not load after the change ({state}{(reason is null ? string.Empty : ": " + reason)}); the previous plugins were put back.";

    public static string SwapFailed(string reason) => $"The plugin folders could not be swapped in ({reason}); the previous plugins were put back.";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list);
    }

    private static string JoinVersions(IEnumerable<NuGetVersion> versions)
    {
        var list = versions.OrderByDescending(v => v).Take(10).Select(v => v.ToNormalizedString()).ToList();
        return list.Count == 0 ? "no versions" : string.Join(", ", list);
    }
}
