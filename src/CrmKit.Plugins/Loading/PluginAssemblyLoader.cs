using CrmKit.Plugins.Manifest;
using McMaster.NETCore.Plugins;

namespace CrmKit.Plugins.Loading;

/// <summary>
/// Loads a plugin's entry assembly into its own collectible load context with McMaster.NETCore.Plugins. Only the SDK
/// surface (<see cref="PluginSharedTypes"/>) is shared with the host; every other dependency comes from the plugin
/// folder. Assemblies are read into memory, so the folder's files stay unlocked and a newer build can be copied over
/// them while the old one is loaded. Run <see cref="PluginAssemblyInspector.Inspect"/> first.
/// </summary>
internal static class PluginAssemblyLoader
{
    /// <summary>Loads the plugin's entry assembly; does not run any of its code.</summary>
    /// <param name="pluginFolder">The plugin folder.</param>
    /// <param name="manifest">The plugin's manifest.</param>
    /// <returns>The loaded assembly; dispose it (or call <see cref="LoadedPluginAssembly.Unload"/>) to unload.</returns>
    /// <exception cref="PluginLoadException"><c>plugin.assembly_missing</c> or <c>plugin.load_failed</c>.</exception>
    public static LoadedPluginAssembly Load(string pluginFolder, PluginManifest manifest)
    {
        var path = PluginAssemblyInspector.EntryAssemblyPath(pluginFolder, manifest);
        var folder = Path.GetDirectoryName(path)!;
        if (!File.Exists(path))
        {
            throw new PluginLoadException(PluginErrorCodes.AssemblyMissing, PluginMessages.AssemblyMissing(manifest.Id, path), manifest.Id, folder);
        }

        PluginLoader? loader = null;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(
                path,
                isUnloadable: true,
                sharedTypes: PluginSharedTypes.Types,
                config =>
                {
                    config.LoadInMemory = true;
                    config.PreferSharedTypes = false;
                });
            var assembly = loader.LoadDefaultAssembly();
            return new LoadedPluginAssembly(manifest, folder, loader, assembly);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            loader?.Dispose();
            throw new PluginLoadException(PluginErrorCodes.LoadFailed, PluginMessages.LoadFailed(manifest.Id, path, ex.Message), manifest.Id, folder, ex);
        }
    }
}
