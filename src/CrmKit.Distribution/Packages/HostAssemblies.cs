using CrmKit.Plugins.Loading;

namespace CrmKit.Distribution.Packages;

/// <summary>
/// The assemblies a plugin package must not bring into its folder because the host provides them: exactly the
/// assemblies the plugin runtime shares with every plugin (CrmKit.Sdk and the Microsoft.Extensions abstractions listed
/// by <c>PluginSharedTypes</c>), which always resolve from the host's default load context whatever copy a folder
/// carries, and which the runtime's completeness check does not ask for. The .NET shared framework never appears in a
/// framework-dependent publish output, so there is nothing of it to skip; every other file of the chosen
/// <c>lib/&lt;tfm&gt;/</c> is extracted, because the runtime loads it privately (a plugin may need another version of a
/// library than the host) and the plugin's .deps.json requires it.
/// </summary>
internal static class HostAssemblies
{
    /// <summary>Whether a file (by name, such as <c>CrmKit.Sdk.dll</c> or its .pdb/.xml) belongs to a host assembly.</summary>
    public static bool IsHostProvided(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (!extension.Equals(".dll", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".pdb", StringComparison.OrdinalIgnoreCase)
            && !extension.Equals(".xml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return PluginSharedTypes.AssemblyNames.Contains(Path.GetFileNameWithoutExtension(fileName));
    }
}
