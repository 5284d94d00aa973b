using System.IO.Compression;
using System.Text.Json.Nodes;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Testing.Feeds;

/// <summary>What <see cref="PluginPackageBuilder"/> packs.</summary>
public sealed class PluginPackageSpec
{
    /// <summary>The package id (the plugin id).</summary>
    public required string Id { get; init; }

    /// <summary>The package and plugin version.</summary>
    public required string Version { get; init; }

    /// <summary>A plugin's publish folder (with its crmkit-plugin.json) whose files go into every lib/&lt;tfm&gt;/; null for none.</summary>
    public string? PublishFolder { get; init; }

    /// <summary>The lib/ target frameworks (default net10.0).</summary>
    public IReadOnlyList<string> Frameworks { get; init; } = ["net10.0"];

    /// <summary>Package types (default CrmKitPlugin; empty for an ordinary library package).</summary>
    public IReadOnlyList<string> PackageTypes { get; init; } = ["CrmKitPlugin"];

    /// <summary>Plugin dependencies (id → range), written to the nuspec and to the manifest; null keeps the manifest's.</summary>
    public IReadOnlyDictionary<string, string>? Dependencies { get; init; }

    /// <summary>Replaces the manifest's "sdk" range when set.</summary>
    public string? SdkRange { get; init; }

    /// <summary>Whether crmkit-plugin.json goes to the package root (default true).</summary>
    public bool IncludeManifest { get; init; } = true;

    /// <summary>Edits the manifest JSON before it is packed.</summary>
    public Action<JsonObject>? EditManifest { get; init; }

    /// <summary>More files, by package path.</summary>
    public IReadOnlyDictionary<string, string> ExtraFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Prerelease-friendly description.</summary>
    public string Description { get; init; } = "A CrmKit test plugin.";
}

/// <summary>Builds real plugin packages (the layout the CrmKit.Sdk pack targets produce) with NuGet.Packaging's PackageBuilder.</summary>
public static class PluginPackageBuilder
{
    public static TestPackage Build(PluginPackageSpec spec)
    {
        var work = Directory.CreateTempSubdirectory("crmkit-pack-").FullName;
        try
        {
            var builder = new PackageBuilder
            {
                Id = spec.Id,
                Version = NuGetVersion.Parse(spec.Version),
                Description = spec.Description,
                Title = spec.Id,
            };
            builder.Authors.Add("CrmKit tests");
            foreach (var type in spec.PackageTypes)
            {
                builder.PackageTypes.Add(new PackageType(type, new Version(0, 0)));
            }

            var dependencies = spec.Dependencies ?? ManifestDependencies(spec);
            if (dependencies.Count > 0)
            {
                builder.DependencyGroups.Add(new PackageDependencyGroup(NuGetFramework.Parse("net10.0"),
                    dependencies.Select(d => new PackageDependency(d.Key, VersionRange.Parse(d.Value)))));
            }

            if (spec.IncludeManifest)
            {
                var manifest = Manifest(spec);
                var manifestPath = Path.Combine(work, "crmkit-plugin.json");
                File.WriteAllText(manifestPath, manifest.ToJsonString());
                builder.AddFiles(work, "crmkit-plugin.json", string.Empty);
            }

            if (spec.PublishFolder is not null)
            {
                foreach (var framework in spec.Frameworks)
                {
                    foreach (var file in Directory.EnumerateFiles(spec.PublishFolder, "*", SearchOption.AllDirectories))
                    {
                        var relative = Path.GetRelativePath(spec.PublishFolder, file).Replace('\\', '/');
                        if (relative == "crmkit-plugin.json")
                        {
                            continue;
                        }

                        builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = $"lib/{framework}/{relative}" });
                    }
                }
            }

            foreach (var (path, content) in spec.ExtraFiles)
            {
                var source = Path.Combine(work, "extra-" + Guid.NewGuid().ToString("N"));
                File.WriteAllText(source, content);
                builder.Files.Add(new PhysicalPackageFile { SourcePath = source, TargetPath = path });
            }

            using var output = new MemoryStream();
            builder.Save(output);
            return new TestPackage(spec.Id, NuGetVersion.Parse(spec.Version), output.ToArray());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The package with one more zip entry, written with exactly this name (for unsafe paths such as ../x).</summary>
    public static TestPackage WithRawEntry(TestPackage package, string entryName, string content)
    {
        var copy = new MemoryStream();
        copy.Write(package.Bytes);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(content);
        }

        return new TestPackage(package.Id, package.Version, copy.ToArray());
    }

    private static JsonObject Manifest(PluginPackageSpec spec)
    {
        var manifest = spec.PublishFolder is not null && File.Exists(Path.Combine(spec.PublishFolder, "crmkit-plugin.json"))
            ? JsonNode.Parse(File.ReadAllText(Path.Combine(spec.PublishFolder, "crmkit-plugin.json")))!.AsObject()
            : new JsonObject { ["id"] = spec.Id, ["sdk"] = "[0.0.1, 99.0.0)" };
        manifest["id"] = spec.Id;
        manifest["version"] = spec.Version;
        if (spec.SdkRange is not null)
        {
            manifest["sdk"] = spec.SdkRange;
        }

        if (spec.Dependencies is not null)
        {
            var dependencies = new JsonObject();
            foreach (var (id, range) in spec.Dependencies)
            {
                dependencies[id] = range;
            }

            manifest["dependencies"] = dependencies;
        }

        spec.EditManifest?.Invoke(manifest);
        return manifest;
    }

    private static Dictionary<string, string> ManifestDependencies(PluginPackageSpec spec)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = spec.PublishFolder is null ? null : Path.Combine(spec.PublishFolder, "crmkit-plugin.json");
        if (path is not null && File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["dependencies"] is JsonObject dependencies)
        {
            foreach (var (id, range) in dependencies)
            {
                result[id] = range!.GetValue<string>();
            }
        }

        return result;
    }
}
