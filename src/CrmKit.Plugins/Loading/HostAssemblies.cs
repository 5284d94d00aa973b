using System.Reflection;
using System.Runtime.InteropServices;

namespace CrmKit.Plugins.Loading;

/// <summary>
/// The assemblies the host provides to plugins, one rule for the runtime's completeness check and for plugin package
/// extraction (CrmKit.Distribution):
/// <list type="bullet">
/// <item>the assemblies the runtime shares with every plugin (<see cref="PluginSharedTypes"/>: CrmKit.Sdk and the
/// Microsoft.Extensions abstractions of the SDK surface), whatever their version: they always resolve from the host;</item>
/// <item>the assemblies of the .NET shared frameworks the host runs on (Microsoft.NETCore.App, and Microsoft.AspNetCore.App
/// for a web host: the trusted platform assemblies under the runtime's <c>shared</c> folder), when the host's assembly
/// version is at least the one the plugin was built with. A plugin folder without such a file falls back to the host's
/// copy, which binds; a plugin that needs a newer one than the host has keeps (and loads privately) its own copy.</item>
/// </list>
/// </summary>
internal static class HostAssemblies
{
    private static readonly Lazy<Dictionary<string, string>> FrameworkPaths = new(CollectFramework);
    private static readonly Dictionary<string, Version?> Versions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the host provides the assembly <paramref name="simpleName"/> at <paramref name="required"/> or higher.</summary>
    /// <param name="simpleName">The assembly's simple name (its file name without <c>.dll</c>).</param>
    /// <param name="required">The version the plugin was built with; null when unknown (then only shared assemblies count).</param>
    /// <returns>True when a plugin folder need not carry the file.</returns>
    public static bool Provides(string simpleName, Version? required)
    {
        if (PluginSharedTypes.AssemblyNames.Contains(simpleName))
        {
            return true;
        }

        if (required is null || !FrameworkPaths.Value.TryGetValue(simpleName, out var path))
        {
            return false;
        }

        Version? version;
        lock (Versions)
        {
            if (!Versions.TryGetValue(simpleName, out version))
            {
                Versions[simpleName] = version = ReadVersion(path);
            }
        }

        return version is not null && version >= required;
    }

    /// <summary>Whether the host's shared framework has an assembly of this name at all (any version).</summary>
    public static bool IsFrameworkAssembly(string simpleName) => FrameworkPaths.Value.ContainsKey(simpleName);

    private static Version? ReadVersion(string path)
    {
        try
        {
            return AssemblyName.GetAssemblyName(path).Version;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> CollectFramework()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var runtime = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        if (shared is null)
        {
            return names;
        }

        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Path.GetFullPath(path).StartsWith(shared + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                names.TryAdd(Path.GetFileNameWithoutExtension(path), path);
            }
        }

        return names;
    }
}
