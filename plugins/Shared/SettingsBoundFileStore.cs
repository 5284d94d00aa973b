using CrmKit.Sdk.Files;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.Shared;

/// <summary>
/// A file store built from the plugin's current settings and rebuilt when they change; until the settings make one,
/// every call answers "unavailable". Compiled into each file-store plugin (plugins reference CrmKit.Sdk only).
/// </summary>
/// <typeparam name="TStore">The store the settings build.</typeparam>
internal abstract class SettingsBoundFileStore<TStore>(IModuleSettings settings, string storeName) : IFileStore, IDisposable
    where TStore : class, IFileStore, IDisposable
{
    private readonly Lock _lock = new();
    private (long Version, TStore? Store)? _current;

    public Task<StoredFileInfo> PutAsync(FilePutRequest request, CancellationToken cancellationToken) =>
        Current().PutAsync(request, cancellationToken);

    public Task<FileReadResult?> OpenReadAsync(string key, FileRange? range, CancellationToken cancellationToken) =>
        Current().OpenReadAsync(key, range, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        Current().DeleteAsync(key, cancellationToken);

    public void Dispose()
    {
        lock (_lock)
        {
            _current?.Store?.Dispose();
            _current = null;
        }
    }

    /// <summary>The store the settings describe, or null while they are incomplete.</summary>
    protected abstract TStore? Create(IModuleSettings settings);

    private TStore Current()
    {
        lock (_lock)
        {
            if (_current is not { } current || current.Version != settings.Version)
            {
                // The previous store may still serve a running download; it is left to the garbage collector.
                current = (settings.Version, Create(settings));
                _current = current;
            }

            return current.Store ?? throw new FileStoreUnavailableException(storeName);
        }
    }
}
