using System.Globalization;
using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Planning;
using NuGet.Versioning;

namespace CrmKit.Plugins;

/// <summary>Every English sentence the plugin runtime reports, in one place so that they can move to resources unchanged.</summary>
internal static class PluginMessages
{
    public const string NullCandidate = "The candidate list contains a null manifest.";

    public static string InvalidId(string id) =>
        Format("'{0}' is not a valid plugin id: use lower-case dotted segments of letters, digits and inner hyphens, each starting with a letter (for example 'acme.loyalty').", id);

    public static string InvalidDependencyList(string id, string dependencyId) =>
        Format("Plugin '{0}' lists dependency '{1}' twice or depends on itself.", id, dependencyId);

    public static string InvalidProvidedName(string? name) =>
        Format("'{0}' is not a valid provided name, or is listed twice: use 'kind:name', such as 'entity:invoice' or 'field-type:ru.inn'.", name);

    public static string InvalidEntryAssembly(string? fileName) =>
        Format("'{0}' is not a valid entry assembly: use a plain file name ending in '.dll', without directory separators (for example 'Acme.Loyalty.dll').", fileName);

    public static string InvalidEntryAssemblyAt(string fileName, string jsonPath) =>
        Format("'{0}' at {1} is not a valid entry assembly: use a plain file name ending in '.dll', without directory separators (for example 'Acme.Loyalty.dll').", fileName, jsonPath);

    public static string DecoratesNotProvided(string name, string jsonPath) =>
        Format("'{0}' at {1} is decorated but not provided; list it in 'provides' too.", name, jsonPath);

    public static string DecoratesWithoutDependency(PluginManifest plugin, string name, PluginManifest earlier) =>
        Format("Plugin {0} decorates '{1}', provided by plugin {2}, but does not depend on '{3}'; a plugin may only decorate what a plugin it depends on provides.", Name(plugin), name, Name(earlier), earlier.Id);

    public const string NoMetadata = "The file has no .NET metadata.";

    public static string AssemblyMissing(string id, string path) =>
        Format("Plugin '{0}' has no entry assembly '{1}'; set 'assembly' in its manifest or name the assembly after the folder.", id, path);

    public static string AssemblyUnreadable(string id, string path, string error) =>
        Format("The entry assembly '{1}' of plugin '{0}' cannot be read: {2}", id, path, error);

    public static string AssemblyCorrupt(string id, string path, string error) =>
        Format("The entry assembly '{1}' of plugin '{0}' is not a valid .NET assembly: {2}", id, path, error);

    public static string DepsUnreadable(string id, string path, string error) =>
        Format("The dependency file '{1}' of plugin '{0}' is not valid: {2}", id, path, error);

    public static string SdkMajorMismatch(string id, string pluginSdk, string hostSdk) =>
        Format("Plugin '{0}' was built against CrmKit.Sdk {1}; this host has {2}.", id, pluginSdk, hostSdk);

    public static string FilesMissing(string id, string folder, IEnumerable<string> files) =>
        Format("Plugin '{0}' is incomplete: '{1}' lacks {2}, which its .deps.json lists; publish the plugin again.", id, folder, string.Join(", ", files.Select(f => "'" + f + "'")));

    public static string LoadFailed(string id, string path, string error) =>
        Format("Plugin '{0}' could not be loaded from '{1}': {2}", id, path, error);

    public static string TypesUnavailable(string id, string? assembly, string error) =>
        Format("The types of assembly '{1}' of plugin '{0}' could not be read: {2}", id, assembly, error);

    public static string EntryPointMissing(string id, string? assembly) =>
        Format("Assembly '{1}' of plugin '{0}' has no public, non-abstract class implementing CrmKit.Sdk.Extensibility.ICrmModule with a public parameterless constructor.", id, assembly);

    public static string EntryPointAmbiguous(string id, string? assembly, IEnumerable<string> types) =>
        Format("Assembly '{1}' of plugin '{0}' has more than one module class ({2}); keep exactly one.", id, assembly, string.Join(", ", types));

    public static string ModuleConstructorFailed(string id, string? type, string error) =>
        Format("The constructor of module '{1}' of plugin '{0}' failed: {2}", id, type, error);

    public static string IdMismatch(string id, string? type, string moduleId) =>
        Format("Module '{1}' says its id is '{2}', but the manifest of its plugin says '{0}'; they must be equal.", id, type, moduleId);

    public static string ManifestMissing(string path) =>
        Format("The plugin manifest '{0}' does not exist; every plugin folder needs one.", path);

    public static string ManifestUnreadable(string path, string error) =>
        Format("The plugin manifest '{0}' cannot be read: {1}", path, error);

    public static string MalformedJson(long line, long position) =>
        Format("The plugin manifest is not well-formed JSON (line {0}, position {1}).", line, position);

    public static string WrongType(string jsonPath, string expected) =>
        Format("{0} must be {1}.", jsonPath, expected);

    public static string DuplicateMember(string jsonPath) =>
        Format("{0} appears more than once.", jsonPath);

    public static string Required(string jsonPath) =>
        Format("{0} is required.", jsonPath);

    public static string UnknownMember(string jsonPath) =>
        Format("{0} is not a known manifest member; the members are $schema, id, version, displayName, description, sdk, dependencies, provides, replaces, decorates and assembly.", jsonPath);

    public static string InvalidIdAt(string id, string jsonPath) =>
        Format("'{0}' at {1} is not a valid plugin id: use lower-case dotted segments of letters, digits and inner hyphens, each starting with a letter (for example 'acme.loyalty').", id, jsonPath);

    public static string InvalidVersion(string version, string jsonPath) =>
        Format("'{0}' at {1} is not a SemVer 2.0 version such as '1.4.0' or '2.0.0-beta.1'.", version, jsonPath);

    public static string InvalidRange(string range, string jsonPath) =>
        Format("'{0}' at {1} is not a version range such as '[1.0,2.0)' or '1.2' (floating ranges are not allowed).", range, jsonPath);

    public static string InvalidProvidedNameAt(string name, string jsonPath) =>
        Format("'{0}' at {1} is not a valid provided name: use 'kind:name', such as 'entity:invoice' or 'field-type:ru.inn'.", name, jsonPath);

    public static string DuplicateProvidedName(string name, string jsonPath) =>
        Format("'{0}' at {1} is listed twice.", name, jsonPath);

    public static string SelfDependency(string id) =>
        Format("Plugin '{0}' cannot depend on itself.", id);

    public static string ReplacesNotProvided(string name, string jsonPath) =>
        Format("'{0}' at {1} is replaced but not provided; list it in 'provides' too.", name, jsonPath);

    public static string DuplicateId(string id, NuGetVersion version, IEnumerable<NuGetVersion> versions) =>
        Format("Plugin '{0}' {1} is not loaded because plugin id '{0}' is offered more than once (versions {2}); keep exactly one.", id, V(version), string.Join(", ", versions.Select(V)));

    public static string SdkIncompatible(PluginManifest plugin, NuGetVersion host) =>
        Format("Plugin {0} supports CrmKit.Sdk {1}, but the host runs CrmKit.Sdk {2}.", Name(plugin), R(plugin.SdkRange), V(host));

    public static string DependencyMissing(PluginManifest plugin, IEnumerable<PluginDependency> missing) =>
        Format("Plugin {0} depends on {1}, which {2} not available.", Name(plugin), string.Join(", ", missing.Select(d => Format("'{0}' {1}", d.Id, R(d.VersionRange)))), missing.Count() == 1 ? "is" : "are");

    public static string DependencyVersion(PluginManifest plugin, IEnumerable<(PluginDependency Dependency, NuGetVersion Found)> outOfRange) =>
        Format("Plugin {0} depends on {1}.", Name(plugin), string.Join("; ", outOfRange.Select(o => Format("'{0}' {1}, but version {2} was found", o.Dependency.Id, R(o.Dependency.VersionRange), V(o.Found)))));

    public static string DependencyBlocked(PluginManifest plugin, BlockedPlugin dependency) =>
        Format("Plugin {0} depends on '{1}', which is blocked ({2}).", Name(plugin), dependency.Id, dependency.Code);

    public static string DependencyCycle(PluginManifest plugin, IEnumerable<string> path) =>
        Format("Plugin {0} is part of the dependency cycle {1}.", Name(plugin), string.Join(" -> ", path));

    public static string ProvidesConflict(PluginManifest plugin, string name, PluginManifest earlier) =>
        Format("Plugin {0} provides '{1}', which plugin {2} earlier in load order already provides; to take it over, list it in 'replaces' and depend on '{3}'.", Name(plugin), name, Name(earlier), earlier.Id);

    public static string ReplacesWithoutDependency(PluginManifest plugin, string name, PluginManifest earlier) =>
        Format("Plugin {0} replaces '{1}', provided by plugin {2}, but does not depend on '{3}'; a plugin may only replace what a plugin it depends on provides.", Name(plugin), name, Name(earlier), earlier.Id);

    private static string Name(PluginManifest plugin) => Format("'{0}' {1}", plugin.Id, V(plugin.Version));

    private static string V(NuGetVersion version) => version.ToNormalizedString();

    private static string R(VersionRange range) => range.ToNormalizedString();

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
