using System.Security.Cryptography;
using System.Xml.Linq;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Testing.Feeds;

/// <summary>A built .nupkg: its identity, bytes, nuspec and SHA-512 (base64).</summary>
public sealed class TestPackage
{
    public TestPackage(string id, NuGetVersion version, byte[] bytes)
    {
        Id = id;
        Version = version;
        Bytes = bytes;
        Sha512 = Convert.ToBase64String(SHA512.HashData(bytes));
        using var reader = new PackageArchiveReader(new MemoryStream(bytes));
        Nuspec = reader.GetNuspecFile() is { } nuspecPath ? ReadEntry(reader, nuspecPath) : [];
        PackageTypes = [.. reader.NuspecReader.GetPackageTypes().Select(t => t.Name)];
        Dependencies = [.. reader.NuspecReader.GetDependencyGroups().SelectMany(g => g.Packages)];
        Title = reader.NuspecReader.GetTitle();
        Description = reader.NuspecReader.GetDescription();
    }

    public string Id { get; }

    public NuGetVersion Version { get; }

    public byte[] Bytes { get; }

    public byte[] Nuspec { get; }

    public string Sha512 { get; }

    public IReadOnlyList<string> PackageTypes { get; }

    public IReadOnlyList<PackageDependency> Dependencies { get; }

    public string Title { get; }

    public string Description { get; }

    public string LowerId => Id.ToLowerInvariant();

    public string LowerVersion => Version.ToNormalizedString().ToLowerInvariant();

    public string FileName => $"{LowerId}.{LowerVersion}.nupkg";

    public static TestPackage FromFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        using var reader = new PackageArchiveReader(new MemoryStream(bytes));
        var identity = reader.GetIdentity();
        return new TestPackage(identity.Id, identity.Version, bytes);
    }

    /// <summary>The same package with its bytes changed (one entry appended), its hash differing from the original's.</summary>
    public TestPackage Tampered()
    {
        var copy = new MemoryStream();
        copy.Write(Bytes);
        using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.CreateEntry("lib/tampered.txt");
            using var writer = new StreamWriter(entry.Open());
            writer.Write("tampered");
        }

        return new TestPackage(Id, Version, copy.ToArray());
    }

    private static byte[] ReadEntry(PackageArchiveReader reader, string path)
    {
        using var stream = reader.GetStream(path);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    internal XDocument NuspecDocument() => XDocument.Load(new MemoryStream(Nuspec));
}
