using System.IO.Compression;
using System.Text;

namespace CrmKit.Editions.Reading;

/// <summary>The <c>edition/</c> folder of an edition package (.nupkg), read into memory once.</summary>
internal sealed class PackageEditionFiles : IEditionFiles
{
    public const string Folder = "edition/";

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    private PackageEditionFiles(string origin) => Origin = origin;

    public string Origin { get; }

    /// <summary>Reads the package; throws <see cref="InvalidDataException"/> when it is not a zip file.</summary>
    public static PackageEditionFiles Open(string packagePath)
    {
        var files = new PackageEditionFiles(Path.GetFileName(packagePath));
        using var zip = ZipFile.OpenRead(packagePath);
        foreach (var entry in zip.Entries)
        {
            var name = Uri.UnescapeDataString(entry.FullName.Replace('\\', '/'));
            if (!name.StartsWith(Folder, StringComparison.Ordinal) || name.EndsWith('/'))
            {
                continue;
            }

            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files._files[name[Folder.Length..]] = reader.ReadToEnd();
        }

        return files;
    }

    public IReadOnlyList<string> List() => _files.Keys.Order(StringComparer.Ordinal).ToList();

    public string? ReadText(string path) => EditionPaths.IsSafe(path) && _files.TryGetValue(path, out var text) ? text : null;
}
