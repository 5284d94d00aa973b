using System.Globalization;

namespace CrmKit.Plugins.Runtime;

/// <summary>The English sentences and stable codes of the running plugin runtime (loading, state changes).</summary>
internal static class PluginRuntimeMessages
{
    public const string NotFoundCode = "plugin.not_found";
    public const string DependencyNotLoadedCode = "plugin.dependency_not_loaded";
    public const string HasDependentsCode = "plugin.has_dependents";
    public const string DisabledCode = "plugin.disabled";
    public const string LoadFailedCode = "plugin.load_failed";
    public const string StartTimeoutCode = "plugin.start_timeout";

    public static string NotFound(string id) => Format("No plugin has the id '{0}'.", id);

    public static string DependencyNotLoaded(string id, string dependency, string state) =>
        Format("Plugin '{0}' needs plugin '{1}', which is {2}.", id, dependency, state);

    public static string HasDependents(string id, IEnumerable<string> dependents) =>
        Format("Plugin '{0}' cannot be disabled while loaded plugins depend on it: {1}. Disable them first.", id, string.Join(", ", dependents));

    public const string Disabled = "Disabled by an administrator.";

    public static string LoadFailed(string id, string error) => Format("Plugin '{0}' failed to load: {1}", id, error);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
