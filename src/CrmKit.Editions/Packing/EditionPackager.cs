using System.Text;
using CrmKit.Core.Editions;
using CrmKit.Editions.Reading;
using NuGet.Packaging;
using NuGet.Packaging.Core;

namespace CrmKit.Editions.Packing;

/// <summary>
/// Packs an edition project folder (the one holding edition.json) into a NuGet package of type
/// <see cref="PackageTypeName"/>: the package id and version are the edition's, and edition.json with every file it
/// names sits under <c>edition/</c>. Works locally, without a server; the edition is read strictly first, so an
/// invalid edition is never packed.
/// </summary>
public static class EditionPackager
{
    /// <summary>The NuGet package type of editions.</summary>
    public const string PackageTypeName = "CrmKitEdition";

    /// <summary>Reads and checks an edition project folder without packing it.</summary>
    /// <param name="projectFolder">The folder holding edition.json.</param>
    /// <returns>The edition's id and version.</returns>
    /// <exception cref="EditionException">The edition is invalid (every problem, with file and JSON pointer).</exception>
    public static (string Id, string Version) Check(string projectFolder)
    {
        var content = EditionReader.Read(new FolderEditionFiles(projectFolder));
        return (content.Id, content.Version.ToNormalizedString());
    }

    /// <summary>Packs an edition project folder.</summary>
    /// <param name="projectFolder">The folder holding edition.json.</param>
    /// <param name="outputFolder">Where to write <c>id.version.nupkg</c>; created when missing.</param>
    /// <returns>The package file's path.</returns>
    /// <exception cref="EditionException">The edition is invalid (every problem, with file and JSON pointer).</exception>
    public static string Pack(string projectFolder, string outputFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var files = new FolderEditionFiles(projectFolder);
        var content = EditionReader.Read(files);
        var builder = new PackageBuilder
        {
            Id = content.Id,
            Version = content.Version,
            Title = content.Title,
            Description = string.IsNullOrWhiteSpace(content.Description) ? content.Title : content.Description,
        };
        builder.Authors.Add(string.IsNullOrWhiteSpace(content.Authors) ? content.Id : content.Authors);
        builder.PackageTypes.Add(new PackageType(PackageTypeName, new Version(0, 0)));
        builder.Tags.Add("crmkit-edition");
        foreach (var file in content.Files)
        {
            var bytes = Encoding.UTF8.GetBytes(files.ReadText(file)!);
            builder.Files.Add(new InMemoryPackageFile(PackageEditionFiles.Folder + file, bytes));
        }

        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, $"{content.Id}.{content.Version.ToNormalizedString()}.nupkg");
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        {
            builder.Save(stream);
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    private sealed class InMemoryPackageFile(string path, byte[] bytes) : IPackageFile
    {
        public string Path { get; } = path;

        public string EffectivePath => Path;

        public System.Runtime.Versioning.FrameworkName? TargetFramework => null;

        public NuGet.Frameworks.NuGetFramework? NuGetFramework => null;

        public DateTimeOffset LastWriteTime { get; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public Stream GetStream() => new MemoryStream(bytes, writable: false);
    }
}
