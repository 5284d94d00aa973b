using System.IO.Compression;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Plugins.Manifest;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Distribution.Packages;

/// <summary>
/// What a downloaded plugin package holds and what of it goes into the plugin's folder: its manifest
/// (<c>crmkit-plugin.json</c> at the package root), the nearest <c>lib/&lt;tfm&gt;/</c> for the host, and the files of
/// that folder except the host-provided assemblies.
/// </summary>
internal sealed class PluginPackageContents
{
    /// <summary>The package type every plugin package declares.</summary>
    public const string PackageType = "CrmKitPlugin";

    private PluginPackageContents(PluginManifest manifest, NuGetFramework framework, IReadOnlyList<string> libFiles, IReadOnlyList<string> skipped)
    {
        Manifest = manifest;
        Framework = framework;
        LibFiles = libFiles;
        Skipped = skipped;
    }

    /// <summary>The host's target framework (the running runtime's major.minor).</summary>
    public static NuGetFramework HostFramework { get; } =
        NuGetFramework.Parse($"net{Environment.Version.Major}.{Environment.Version.Minor}");

    public PluginManifest Manifest { get; }

    /// <summary>The lib/ framework chosen.</summary>
    public NuGetFramework Framework { get; }

    /// <summary>The package paths extracted (under lib/&lt;tfm&gt;/).</summary>
    public IReadOnlyList<string> LibFiles { get; }

    /// <summary>The package paths left out because the host provides them.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>
    /// Reads and checks a package: every path safe, package type <c>CrmKitPlugin</c>, a valid manifest whose id and
    /// version are the package's, and lib/ assets for the host holding the entry assembly.
    /// </summary>
    /// <exception cref="PluginPackageException">The package is unsafe, not a plugin, or malformed.</exception>
    public static PluginPackageContents Inspect(string filePath, string id, NuGetVersion version)
    {
        var name = $"{id} {version.ToNormalizedString()}";
        try
        {
            using (var zip = ZipFile.OpenRead(filePath))
            {
                foreach (var zipEntry in zip.Entries)
                {
                    if (!IsSafe(zipEntry.FullName))
                    {
                        throw Problem(PluginPackageErrorCodes.UnsafePath, PluginPackageMessages.UnsafePath(name, zipEntry.FullName), id);
                    }
                }
            }

            using var reader = new PackageArchiveReader(filePath);
            var nuspec = reader.NuspecReader;
            if (!nuspec.GetPackageTypes().Any(t => string.Equals(t.Name, PackageType, StringComparison.OrdinalIgnoreCase)))
            {
                throw Problem(PluginPackageErrorCodes.NotAPlugin, PluginPackageMessages.NotPluginType(name), id);
            }

            var files = reader.GetFiles().ToList();
            if (!files.Contains(PluginManifestReader.FileName, StringComparer.Ordinal))
            {
                throw Problem(PluginPackageErrorCodes.NotAPlugin, PluginPackageMessages.NoManifest(name), id);
            }

            PluginManifest manifest;
            using (var stream = reader.GetStream(PluginManifestReader.FileName))
            using (var text = new StreamReader(stream))
            {
                try
                {
                    manifest = PluginManifestReader.Parse(text.ReadToEnd(), $"{Path.GetFileName(filePath)}/{PluginManifestReader.FileName}");
                }
                catch (PluginManifestException e)
                {
                    throw Problem(PluginPackageErrorCodes.NotAPlugin, PluginPackageMessages.BadManifest(name, e.Message), id);
                }
            }

            if (!string.Equals(manifest.Id, id, StringComparison.OrdinalIgnoreCase) || manifest.Version != version)
            {
                throw Problem(PluginPackageErrorCodes.InvalidPackage, PluginPackageMessages.ManifestIdentity(name, manifest), id);
            }

            var groups = reader.GetLibItems().Where(g => g.Items.Any()).ToList();
            var nearest = new FrameworkReducer().GetNearest(HostFramework, groups.Select(g => g.TargetFramework));
            if (nearest is null)
            {
                throw Problem(PluginPackageErrorCodes.InvalidPackage,
                    PluginPackageMessages.NoAssets(name, HostFramework, groups.Select(g => g.TargetFramework.GetShortFolderName())), id);
            }

            var group = groups.First(g => g.TargetFramework.Equals(nearest));
            var prefix = "lib/" + group.TargetFramework.GetShortFolderName() + "/";
            var all = group.Items.Where(i => !i.EndsWith('/')).ToList();
            var skipped = all.Where(i => HostAssemblies.IsHostProvided(Path.GetFileName(i))).ToList();
            var lib = all.Except(skipped).ToList();
            var folderPrefix = FolderPrefix(lib, group.TargetFramework);
            var entry = manifest.EntryAssembly ?? manifest.Id + ".dll";
            if (!lib.Any(i => string.Equals(Relative(i, folderPrefix), entry, StringComparison.OrdinalIgnoreCase)))
            {
                throw Problem(PluginPackageErrorCodes.InvalidPackage, PluginPackageMessages.NoEntryAssembly(name, prefix, entry), id);
            }

            return new PluginPackageContents(manifest, group.TargetFramework, lib, skipped) { Prefix = folderPrefix };
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or IOException or System.Xml.XmlException or ArgumentException)
        {
            throw Problem(PluginPackageErrorCodes.InvalidPackage, PluginPackageMessages.Unreadable(name, e.Message), id);
        }
    }

    /// <summary>The folder prefix (as the zip spells it) of the chosen lib group.</summary>
    private string Prefix { get; init; } = string.Empty;

    /// <summary>
    /// Extracts the manifest and the chosen lib/ files into <paramref name="folder"/> (created; must not exist), checking
    /// again that every target path stays inside it.
    /// </summary>
    public void ExtractTo(string filePath, string folder)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        using var reader = new PackageArchiveReader(filePath);
        Copy(reader, PluginManifestReader.FileName, Path.Combine(root, PluginManifestReader.FileName), root);
        foreach (var item in LibFiles)
        {
            var relative = Relative(item, Prefix);
            if (string.Equals(relative, PluginManifestReader.FileName, StringComparison.Ordinal))
            {
                continue;
            }

            Copy(reader, item, Path.Combine(root, relative), root);
        }
    }

    private static void Copy(PackageArchiveReader reader, string item, string target, string root)
    {
        var full = Path.GetFullPath(target);
        if (!full.StartsWith(root, StringComparison.Ordinal))
        {
            throw Problem(PluginPackageErrorCodes.UnsafePath, PluginPackageMessages.UnsafePath(reader.GetIdentity().ToString(), item), reader.GetIdentity().Id);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using var source = reader.GetStream(item);
        using var destination = new FileStream(full, FileMode.CreateNew, FileAccess.Write);
        source.CopyTo(destination);
    }

    private static string FolderPrefix(List<string> items, NuGetFramework framework)
    {
        // Items are "lib/<folder as packed>/..."; the folder name as packed may differ in case or form from the short name.
        var first = items.FirstOrDefault();
        if (first is null)
        {
            return "lib/" + framework.GetShortFolderName() + "/";
        }

        var second = first.IndexOf('/', 4);
        return second < 0 ? "lib/" : first[..(second + 1)];
    }

    private static string Relative(string item, string prefix) =>
        item.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? item[prefix.Length..] : Path.GetFileName(item);

    /// <summary>Whether a zip entry name is a safe relative path: not rooted, no drive, no <c>..</c> segment.</summary>
    internal static bool IsSafe(string entryName)
    {
        if (string.IsNullOrEmpty(entryName) || entryName.StartsWith('/') || entryName.StartsWith('\\') || entryName.Contains(':')
            || Path.IsPathRooted(entryName) || entryName.Contains('\0'))
        {
            return false;
        }

        return !entryName.Split('/', '\\').Any(segment => segment == "..");
    }

    private static PluginPackageException Problem(string code, string message, string id) =>
        new([new PluginPackageProblem(code, message, id)]);
}
