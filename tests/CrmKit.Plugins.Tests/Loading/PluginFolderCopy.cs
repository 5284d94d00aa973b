namespace CrmKit.Plugins.Tests.Loading;

/// <summary>A copy of a published fixture plugin in its own temp directory, to damage or edit; deleted afterwards.</summary>
internal sealed class PluginFolderCopy : IDisposable
{
    private readonly string _parent;

    public PluginFolderCopy(string fixtureName, string? folderName = null)
    {
        _parent = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crmkit-plugin-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(_parent, folderName ?? fixtureName);
        CopyFrom(fixtureName);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies a fixture's files into this folder, overwriting what is there (a new build dropped over an old one).</summary>
    public void CopyFrom(string fixtureName)
    {
        var source = FixturePlugins.Folder(fixtureName);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_parent, recursive: true);
        }
        catch (IOException)
        {
            // A plugin a test failed to unload may still hold a file on some platforms; the temp folder is harmless.
        }
    }
}
