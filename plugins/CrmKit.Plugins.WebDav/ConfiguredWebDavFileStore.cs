using CrmKit.Sdk.Files;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.WebDav;

/// <summary>
/// The store the plugin registers as <c>webdav</c>: a <see cref="WebDavFileStore"/> built from the plugin's current
/// settings and rebuilt when they change. Until the address is set, every call answers "unavailable".
/// </summary>
internal sealed class ConfiguredWebDavFileStore(IModuleSettings settings) : IFileStore, IDisposable
{
    private readonly Lock _lock = new();
    private (long Version, WebDavFileStore? Store)? _current;

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

    private WebDavFileStore Current()
    {
        lock (_lock)
        {
            if (_current is not { } current || current.Version != settings.Version)
            {
                // The previous client may still serve a running download; it is left to the garbage collector.
                var options = WebDavSettings.Read(settings);
                current = (settings.Version, options is null ? null : new WebDavFileStore(options));
                _current = current;
            }

            return current.Store ?? throw new FileStoreUnavailableException(WebDavFileStore.StoreName);
        }
    }
}
