namespace CrmKit.Sdk.Files;

/// <summary>
/// Stores file content (attachments, rendered documents) by key: on the local disk, in S3, on WebDAV. Metadata
/// (names, owners, records) lives in the database; the store holds only bytes and knows nothing of records.
/// Register a store under a name with <see cref="Extensibility.CrmBuilderExtensions.AddFileStore{TStore}"/>; the host
/// configuration picks the active one.
/// </summary>
/// <remarks>
/// Keys are made by the host and follow <see cref="FileStoreKeys.IsValid"/>; stores check them and never let a key
/// reach outside their root. Content streams through: no member may hold a whole file in memory. When the backing
/// service cannot be reached, throw <see cref="FileStoreUnavailableException"/>.
/// </remarks>
public interface IFileStore
{
    /// <summary>
    /// Stores content under a key, replacing what was there. Either the whole content is stored or nothing: a failed or
    /// cancelled put leaves no partial object under the key.
    /// </summary>
    /// <param name="request">The key, the content and its media type.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>What was stored, with the length and SHA-256 computed while streaming.</returns>
    Task<StoredFileInfo> PutAsync(FilePutRequest request, CancellationToken cancellationToken);

    /// <summary>Opens stored content for reading, whole or a byte range of it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="range">
    /// The bytes to read; null for all of them. A range that runs past the end is cut at the end, as
    /// <see cref="FileRange.Clamp"/> does.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The content, which the caller disposes; null when nothing is stored under the key.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The range starts at or past the end of the content (HTTP answers that with 416).
    /// </exception>
    Task<FileReadResult?> OpenReadAsync(string key, FileRange? range, CancellationToken cancellationToken);

    /// <summary>Deletes the content stored under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when something was deleted; false when nothing was stored under the key.</returns>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);
}
