namespace CrmKit.Plugins;

/// <summary>
/// The stable codes of manifest and planning problems. Hosts, the REST API and the CLI show them as they are;
/// they never change meaning once shipped.
/// </summary>
public static class PluginErrorCodes
{
    /// <summary>The plugin folder or its <c>crmkit-plugin.json</c> does not exist.</summary>
    public const string ManifestMissing = "plugin.manifest_missing";

    /// <summary>The manifest file exists but cannot be read (permissions, I/O error).</summary>
    public const string ManifestUnreadable = "plugin.manifest_unreadable";

    /// <summary>The manifest is not well-formed JSON, or a member has the wrong JSON type or appears twice.</summary>
    public const string ManifestInvalid = "plugin.manifest_invalid";

    /// <summary>A required manifest member (<c>id</c>, <c>version</c>, <c>sdk</c>) is absent.</summary>
    public const string ManifestRequired = "plugin.manifest_required";

    /// <summary>The manifest has a member this version of CrmKit does not know.</summary>
    public const string ManifestUnknownMember = "plugin.manifest_unknown_member";

    /// <summary>A plugin id (the plugin's own or a dependency's) is not lower-case dotted.</summary>
    public const string ManifestInvalidId = "plugin.manifest_invalid_id";

    /// <summary>The plugin version is not a strict SemVer 2.0 version.</summary>
    public const string ManifestInvalidVersion = "plugin.manifest_invalid_version";

    /// <summary>A version range (the SDK range or a dependency's) cannot be parsed.</summary>
    public const string ManifestInvalidRange = "plugin.manifest_invalid_range";

    /// <summary>The manifest's <c>assembly</c> is not a plain file name ending in <c>.dll</c>.</summary>
    public const string ManifestInvalidAssembly = "plugin.manifest_invalid_assembly";

    /// <summary>An entry of <c>provides</c>, <c>replaces</c> or <c>decorates</c> is not a valid <c>kind:name</c> or is listed twice.</summary>
    public const string ManifestInvalidName = "plugin.manifest_invalid_name";

    /// <summary>Two candidates share an id; both are blocked.</summary>
    public const string DuplicateId = "plugin.duplicate_id";

    /// <summary>The host's CrmKit.Sdk version is outside the plugin's SDK range.</summary>
    public const string SdkIncompatible = "plugin.sdk_incompatible";

    /// <summary>A dependency is not among the candidates.</summary>
    public const string DependencyMissing = "plugin.dependency_missing";

    /// <summary>A dependency is present in a version outside the required range.</summary>
    public const string DependencyVersion = "plugin.dependency_version";

    /// <summary>A dependency (directly or transitively) is blocked.</summary>
    public const string DependencyBlocked = "plugin.dependency_blocked";

    /// <summary>The plugin is part of a dependency cycle.</summary>
    public const string DependencyCycle = "plugin.dependency_cycle";

    /// <summary>The plugin provides a name another plugin earlier in load order already provides, without a valid replacement.</summary>
    public const string ProvidesConflict = "plugin.provides_conflict";

    /// <summary>The plugin's entry assembly is not in its folder.</summary>
    public const string AssemblyMissing = "plugin.assembly_missing";

    /// <summary>The plugin's entry assembly is not a valid managed (.NET) assembly.</summary>
    public const string AssemblyCorrupt = "plugin.assembly_corrupt";

    /// <summary>A runtime assembly the plugin's <c>.deps.json</c> lists is not in its folder.</summary>
    public const string FilesMissing = "plugin.files_missing";

    /// <summary>The plugin's entry assembly has no public, non-abstract <c>ICrmModule</c> with a public parameterless constructor.</summary>
    public const string EntryPointMissing = "plugin.entry_point_missing";

    /// <summary>The plugin's entry assembly has more than one candidate <c>ICrmModule</c>.</summary>
    public const string EntryPointAmbiguous = "plugin.entry_point_ambiguous";

    /// <summary>The module's <c>Id</c> differs from the manifest id.</summary>
    public const string IdMismatch = "plugin.id_mismatch";

    /// <summary>The plugin's code could not be loaded or its module could not be created.</summary>
    public const string LoadFailed = "plugin.load_failed";
}
