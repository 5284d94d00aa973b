namespace CrmKit.Core.Plugins;

/// <summary>
/// The running host's plugins: their state, and enabling, disabling and reloading them without a restart. Registered
/// by the plugin runtime (<c>AddPlugins</c> in CrmKit.Plugins); the REST API and the CLI use it when present.
/// </summary>
public interface IPluginManager
{
    /// <summary>Every plugin the host knows, ordered by id.</summary>
    /// <returns>The plugins' status.</returns>
    IReadOnlyList<PluginStatus> List();

    /// <summary>One plugin's status.</summary>
    /// <param name="id">The plugin id.</param>
    /// <returns>The status, or null when no plugin has the id.</returns>
    PluginStatus? Find(string id);

    /// <summary>Enables a disabled (or failed) plugin: loads its code and registers its extensions.</summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The resulting status (Loaded, or Failed/Blocked with the reason).</returns>
    Task<PluginStatus> EnableAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Disables a plugin: unregisters its extensions and unloads its code. Its data and fields stay (values of fields
    /// whose type it provides become read-only until it is enabled again). The choice survives restarts.
    /// </summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The resulting status.</returns>
    Task<PluginStatus> DisableAsync(string id, CancellationToken cancellationToken);

    /// <summary>Unloads a plugin and loads it again from its folder, picking up a newer build.</summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The resulting status.</returns>
    Task<PluginStatus> ReloadAsync(string id, CancellationToken cancellationToken);

    /// <summary>Rescans the plugins folder: loads new plugins, reloads changed ones, unloads removed ones.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Every plugin's status after the scan.</returns>
    Task<IReadOnlyList<PluginStatus>> ScanAsync(CancellationToken cancellationToken);
}
