using CrmKit.Sdk.Files;
using CrmKit.Sdk.Settings;

namespace CrmKit.Plugins.S3;

/// <summary>
/// The store the plugin registers as <c>s3</c>: an <see cref="S3FileStore"/> built from the plugin's current settings
/// and rebuilt when they change. Until the bucket and keys are set, every call answers "unavailable".
/// </summary>
internal sealed class ConfiguredS3FileStore(IModuleSettings settings) : IFileStore, IDisposable
{
    private readonly Lock _lock = new();
    private (long Version, S3FileStore? Store)? _current;

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

    private S3FileStore Current()
    {
        lock (_lock)
        {
            if (_current is not { } current || current.Version != settings.Version)
            {
                // The previous client may still serve a running download; it is left to the garbage collector.
                var options = S3Settings.Read(settings);
                current = (settings.Version, options is null ? null : new S3FileStore(options));
                _current = current;
            }

            return current.Store ?? throw new FileStoreUnavailableException(S3FileStore.StoreName);
        }
    }
}
