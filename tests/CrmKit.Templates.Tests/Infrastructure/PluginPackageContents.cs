using System.IO.Compression;
using System.Xml.Linq;

namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>What a packed plugin package holds, read straight from the zip and its nuspec (no NuGet client code).</summary>
internal sealed class PluginPackageContents
{
    public required string Id { get; init; }

    public required string Version { get; init; }

    public required IReadOnlyList<string> PackageTypes { get; init; }

    /// <summary>The nuspec's dependencies as <c>id range</c>.</summary>
    public required IReadOnlyList<string> Dependencies { get; init; }

    /// <summary>Every entry's path in the package.</summary>
    public required IReadOnlyList<string> Entries { get; init; }

    /// <summary>The text of the crmkit-plugin.json at the package root.</summary>
    public required string RootManifest { get; init; }

    public static PluginPackageContents Read(string nupkg)
    {
        File.Exists(nupkg).ShouldBeTrue($"{nupkg} was not written; the folder holds: " +
            string.Join(", ", Directory.Exists(Path.GetDirectoryName(nupkg)) ? Directory.GetFiles(Path.GetDirectoryName(nupkg)!) : []));
        using var zip = ZipFile.OpenRead(nupkg);
        var nuspecEntry = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        {
            nuspec = XDocument.Load(stream);
        }

        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
        var manifestEntry = zip.GetEntry("crmkit-plugin.json");
        manifestEntry.ShouldNotBeNull("the manifest must be at the package root");
        using var reader = new StreamReader(manifestEntry.Open());
        return new PluginPackageContents
        {
            Id = Value("id"),
            Version = Value("version"),
            PackageTypes = metadata.Descendants().Where(e => e.Name.LocalName == "packageType")
                .Select(e => (string)e.Attribute("name")!).ToList(),
            Dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => $"{(string?)e.Attribute("id")} {(string?)e.Attribute("version")}").ToList(),
            Entries = zip.Entries.Select(e => e.FullName).ToList(),
            RootManifest = reader.ReadToEnd(),
        };
    }
}
