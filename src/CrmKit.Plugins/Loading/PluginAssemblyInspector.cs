using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using CrmKit.Plugins.Manifest;

namespace CrmKit.Plugins.Loading;

/// <summary>
/// Checks a plugin folder before any of its code loads, reading metadata only (<see cref="PEReader"/>): the entry
/// assembly exists and is a managed assembly, it was built against the host's CrmKit.Sdk major, and every private
/// runtime assembly its <c>.deps.json</c> lists is in the folder, or provided by the host at that version or higher
/// (<see cref="HostAssemblies"/>: a plugin package leaves such files out). A missing private file matters otherwise:
/// the loader would fall back to the host's copy and the plugin would silently run against another version.
/// </summary>
internal static class PluginAssemblyInspector
{
    /// <summary>The full path of the plugin's entry assembly: <see cref="PluginManifest.EntryAssembly"/>, or <c>&lt;folder name&gt;.dll</c>.</summary>
    public static string EntryAssemblyPath(string pluginFolder, PluginManifest manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginFolder);
        ArgumentNullException.ThrowIfNull(manifest);
        var folder = Path.GetFullPath(pluginFolder);
        var fileName = manifest.EntryAssembly ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)) + ".dll";
        return Path.Combine(folder, fileName);
    }

    /// <summary>Inspects a plugin folder; returns the full path of its entry assembly.</summary>
    /// <param name="pluginFolder">The plugin folder (a <c>dotnet publish</c> output).</param>
    /// <param name="manifest">The plugin's manifest, already read from the folder.</param>
    /// <param name="hostSdkVersion">The version of CrmKit.Sdk the host runs.</param>
    /// <returns>The full path of the entry assembly.</returns>
    /// <exception cref="PluginLoadException">
    /// <c>plugin.assembly_missing</c>, <c>plugin.assembly_corrupt</c>, <c>plugin.sdk_incompatible</c> or <c>plugin.files_missing</c>.
    /// </exception>
    public static string Inspect(string pluginFolder, PluginManifest manifest, Version hostSdkVersion)
    {
        ArgumentNullException.ThrowIfNull(hostSdkVersion);
        var path = EntryAssemblyPath(pluginFolder, manifest);
        var folder = Path.GetDirectoryName(path)!;
        if (!File.Exists(path))
        {
            throw Fail(PluginErrorCodes.AssemblyMissing, PluginMessages.AssemblyMissing(manifest.Id, path));
        }

        var sdkReference = ReadSdkReference(path, manifest, folder);
        if (sdkReference is not null && sdkReference.Major != hostSdkVersion.Major)
        {
            throw Fail(PluginErrorCodes.SdkIncompatible, PluginMessages.SdkMajorMismatch(manifest.Id, ThreePart(sdkReference), ThreePart(hostSdkVersion)));
        }

        var missing = MissingRuntimeFiles(folder, Path.ChangeExtension(path, ".deps.json"), manifest);
        if (missing.Count > 0)
        {
            throw Fail(PluginErrorCodes.FilesMissing, PluginMessages.FilesMissing(manifest.Id, folder, missing));
        }

        return path;

        PluginLoadException Fail(string code, string message) => new(code, message, manifest.Id, folder);
    }

    /// <summary>The version of CrmKit.Sdk the entry assembly references, or null when it references none.</summary>
    private static Version? ReadSdkReference(string path, PluginManifest manifest, string folder)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                throw new BadImageFormatException(PluginMessages.NoMetadata);
            }

            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly)
            {
                throw new BadImageFormatException(PluginMessages.NoMetadata);
            }

            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                if (reader.StringComparer.Equals(reference.Name, PluginSharedTypes.SdkAssemblyName))
                {
                    return reference.Version;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException)
        {
            throw new PluginLoadException(PluginErrorCodes.AssemblyCorrupt, PluginMessages.AssemblyCorrupt(manifest.Id, path, ex.Message), manifest.Id, folder, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PluginLoadException(PluginErrorCodes.AssemblyMissing, PluginMessages.AssemblyUnreadable(manifest.Id, path, ex.Message), manifest.Id, folder, ex);
        }
    }

    /// <summary>
    /// The file names of the private runtime assemblies (package and project libraries of the plugin's own target,
    /// assemblies the host provides excepted) that <paramref name="depsPath"/> lists but the folder lacks.
    /// </summary>
    private static List<string> MissingRuntimeFiles(string folder, string depsPath, PluginManifest manifest)
    {
        if (!File.Exists(depsPath))
        {
            return [];
        }

        var missing = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(depsPath));
            var root = document.RootElement;
            var targetName = root.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
            var libraries = root.TryGetProperty("libraries", out var l) ? l : default;
            foreach (var library in root.GetProperty("targets").GetProperty(targetName).EnumerateObject())
            {
                if (!library.Value.TryGetProperty("runtime", out var runtime) || !IsPackageOrProject(libraries, library.Name))
                {
                    continue;
                }

                foreach (var asset in runtime.EnumerateObject())
                {
                    var fileName = Path.GetFileName(asset.Name);
                    if (!File.Exists(Path.Combine(folder, fileName))
                        && !HostAssemblies.Provides(Path.GetFileNameWithoutExtension(fileName), AssemblyVersionOf(asset.Value))
                        && !missing.Contains(fileName, StringComparer.Ordinal))
                    {
                        missing.Add(fileName);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PluginLoadException(PluginErrorCodes.AssemblyCorrupt, PluginMessages.DepsUnreadable(manifest.Id, depsPath, ex.Message), manifest.Id, folder, ex);
        }

        return missing;
    }

    /// <summary>The <c>assemblyVersion</c> a .deps.json runtime asset states; null when it states none.</summary>
    private static Version? AssemblyVersionOf(JsonElement asset) =>
        asset.ValueKind == JsonValueKind.Object && asset.TryGetProperty("assemblyVersion", out var version)
        && Version.TryParse(version.GetString(), out var parsed) ? parsed : null;

    private static bool IsPackageOrProject(JsonElement libraries, string name) =>
        libraries.ValueKind != JsonValueKind.Object
        || !libraries.TryGetProperty(name, out var library)
        || !library.TryGetProperty("type", out var type)
        || type.GetString() is "package" or "project";

    private static string ThreePart(Version version) =>
        $"{version.Major}.{version.Minor}.{Math.Max(version.Build, 0)}";
}
