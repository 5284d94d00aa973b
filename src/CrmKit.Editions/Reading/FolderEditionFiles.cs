using System.Text;

namespace CrmKit.Editions.Reading;

/// <summary>An edition project folder (the one holding edition.json).</summary>
internal sealed class FolderEditionFiles(string root) : IEditionFiles
{
    private readonly string _root = Path.GetFullPath(root);

    public string Origin => _root;

    public IReadOnlyList<string> List() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public string? ReadText(string path)
    {
        if (!EditionPaths.IsSafe(path))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full)
            ? File.ReadAllText(full, Encoding.UTF8)
            : null;
    }
}
