using CrmKit.Plugins.Manifest;

namespace CrmKit.Plugins.Tests.Manifest;

/// <summary>A real plugin folder under the temp directory, deleted after the test.</summary>
public sealed class TempPluginFolder : IDisposable
{
    public TempPluginFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crmkit-plugin-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string ManifestPath => System.IO.Path.Combine(Path, PluginManifestReader.FileName);

    public TempPluginFolder WithManifest(string json)
    {
        File.WriteAllText(ManifestPath, json);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
