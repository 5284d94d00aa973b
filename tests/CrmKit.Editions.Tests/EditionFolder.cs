using System.Text.Json.Nodes;

namespace CrmKit.Editions.Tests;

/// <summary>An edition project folder written by a test: edition.json and the files it names, in a temp folder.</summary>
internal sealed class EditionFolder : IDisposable
{
    public EditionFolder() => Root = Directory.CreateTempSubdirectory("crmkit-edition-").FullName;

    public string Root { get; }

    public EditionFolder Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public EditionFolder Write(string path, JsonNode json) => Write(path, json.ToJsonString());

    /// <summary>Copies a folder over this one (an edition, then an overlay).</summary>
    public EditionFolder CopyFrom(string source)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
