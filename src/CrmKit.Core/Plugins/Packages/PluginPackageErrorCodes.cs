namespace CrmKit.Core.Plugins.Packages;

/// <summary>The stable problem codes of plugin package operations (<c>plugin_package.*</c>).</summary>
public static class PluginPackageErrorCodes
{
    /// <summary>No feed has the package, or no version of it in the requested range.</summary>
    public const string NotFound = "plugin_package.not_found";

    /// <summary>A dependency (another plugin) is on no feed in the range a package asks for.</summary>
    public const string DependencyMissing = "plugin_package.dependency_missing";

    /// <summary>The ranges asked for a plugin (by the request, dependencies or constraints) have no common version.</summary>
    public const string VersionConflict = "plugin_package.version_conflict";

    /// <summary>A constraint (such as an installed edition's range) excludes the version the change needs.</summary>
    public const string ConstraintViolated = "plugin_package.constraint_violated";

    /// <summary>The package's manifest asks for a CrmKit.Sdk range the host's SDK is outside of.</summary>
    public const string SdkIncompatible = "plugin_package.sdk_incompatible";

    /// <summary>The plugins of the resulting set conflict (two provide the same name, a cycle...); see the message.</summary>
    public const string Conflict = "plugin_package.conflict";

    /// <summary>Only prerelease versions would do, and prerelease is not allowed.</summary>
    public const string PrereleaseNotAllowed = "plugin_package.prerelease_not_allowed";

    /// <summary>The package is not a CrmKit plugin (no CrmKitPlugin package type or no valid crmkit-plugin.json).</summary>
    public const string NotAPlugin = "plugin_package.not_a_plugin";

    /// <summary>The package is malformed: no assets for the host, a bad nuspec.</summary>
    public const string InvalidPackage = "plugin_package.invalid_package";

    /// <summary>A file path inside the package is unsafe (zip-slip <c>..</c>, absolute, a drive); nothing was extracted.</summary>
    public const string UnsafePath = "plugin_package.unsafe_path";

    /// <summary>The package's SHA-512 differs from what the feed or the lock file declares.</summary>
    public const string HashMismatch = "plugin_package.hash_mismatch";

    /// <summary>A feed could not be reached (connection refused, DNS, timeout).</summary>
    public const string FeedUnreachable = "plugin_package.feed_unreachable";

    /// <summary>A feed answered with a server error or something that is not a NuGet feed.</summary>
    public const string FeedError = "plugin_package.feed_error";

    /// <summary>A feed refused the credentials (401/403).</summary>
    public const string FeedUnauthorized = "plugin_package.feed_unauthorized";

    /// <summary>The nuget.config is missing or invalid, or has no enabled source.</summary>
    public const string InvalidConfiguration = "plugin_package.invalid_configuration";

    /// <summary>A plugin to update or remove is not installed from a feed.</summary>
    public const string NotInstalled = "plugin_package.not_installed";

    /// <summary>A plugin to remove is still needed by another plugin that stays.</summary>
    public const string HasDependents = "plugin_package.has_dependents";

    /// <summary>The request is malformed: a bad id or version range, an id both installed and removed.</summary>
    public const string InvalidRequest = "plugin_package.invalid_request";

    /// <summary>plugins.lock.json is unreadable, or a restore cannot reproduce exactly the pinned set.</summary>
    public const string LockMismatch = "plugin_package.lock_mismatch";

    /// <summary>After the swap, a planned plugin did not end Loaded; the previous set was put back.</summary>
    public const string LoadFailed = "plugin_package.load_failed";

    /// <summary>Another plugin package change is in progress.</summary>
    public const string Busy = "plugin_package.busy";

    /// <summary>The plan cannot be applied (it has problems), or the operation failed for another reason.</summary>
    public const string Failed = "plugin_package.failed";
}
