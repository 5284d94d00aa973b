using System.Runtime.InteropServices;
using CrmKit.Plugins.Loading;

namespace CrmKit.Distribution.Packages;

/// <summary>
/// The assemblies a plugin package must not bring into its folder because the host provides them: the assemblies the
/// plugin runtime shares with every plugin (CrmKit.Sdk and the Microsoft.Extensions abstractions of
/// <c>PluginSharedTypes</c>, which always resolve from the host) and every assembly of the .NET shared frameworks the
/// host runs on (Microsoft.NETCore.App, Microsoft.AspNetCore.App...: the trusted platform assemblies under the
/// runtime's <c>shared</c> folder). Other private dependencies (Newtonsoft.Json, an HTTP client...) are extracted even
/// when the host has its own copy, because the plugin loads them privately and may need another version.
/// </summary>
internal static class HostAssemblies
{
    private static readonly Lazy<HashSet<string>> Names = new(Collect);

    /// <summary>Whether a file (by name, such as <c>CrmKit.Sdk.dll</c> or its .pdb/.xml) belongs to a host assembly.</summary>
    public static bool IsHostProvided(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (!extension.Equals(".dll", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".pdb", StringComparison.OrdinalIgnoreCase)
            && !extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return Names.Value.Contains(Path.GetFileNameWithoutExtension(fileName));
    }

    private static HashSet<string> Collect()
    {
        var names = new HashSet<string>(PluginSharedTypes.AssemblyNames, StringComparer.OrdinalIgnoreCase);
        var runtime = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        var tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
        foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (shared is not null && Path.GetFullPath(path).StartsWith(shared + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                names.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        return names;
    }
}
