using CrmKit.Core.Storage;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Files;

/// <summary>
/// Files attached to records: metadata in the database, content in the configured file store. Reading a record's
/// files needs read access to the record; attaching and deleting need update access (a record outside the caller's read
/// scope does not exist for it: 404).
/// </summary>
public interface IAttachmentService
{
    /// <summary>
    /// Streams a file to the configured store (its SHA-256 computed on the way) and records its metadata. When the store
    /// fails, nothing is recorded (<see cref="FileStoreUnavailableException"/>: 503); when the metadata cannot be
    /// written, the stored content is deleted again.
    /// </summary>
    /// <param name="principal">Who attaches.</param>
    /// <param name="entity">The record's entity.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="upload">The file.</param>
    /// <param name="cancellationToken">Cancels the upload; nothing is kept then.</param>
    /// <returns>The attachment.</returns>
    Task<StoredAttachment> UploadAsync(
        CrmPrincipal principal, string entity, Guid recordId, AttachmentUpload upload, CancellationToken cancellationToken = default);

    /// <summary>Lists the files attached to a record, oldest first.</summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="entity">The record's entity.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachments.</returns>
    Task<IReadOnlyList<StoredAttachment>> ListAsync(
        CrmPrincipal principal, string entity, Guid recordId, CancellationToken cancellationToken = default);

    /// <summary>Reads the metadata of one attachment of a record.</summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="entity">The record's entity.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachment.</returns>
    Task<StoredAttachment> GetAsync(
        CrmPrincipal principal, string entity, Guid recordId, Guid attachmentId, CancellationToken cancellationToken = default);

    /// <summary>Opens the content of an attachment read with <see cref="GetAsync"/>, whole or a range of it.</summary>
    /// <param name="attachment">The attachment, as <see cref="GetAsync"/> returned it.</param>
    /// <param name="range">The bytes to read, within the content's length; null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The content; the caller disposes it.</returns>
    Task<FileReadResult> OpenContentAsync(StoredAttachment attachment, FileRange? range, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an attachment: its content from the store, then its metadata, in one transaction (when the store is
    /// unavailable nothing changes).
    /// </summary>
    /// <param name="principal">Who deletes.</param>
    /// <param name="entity">The record's entity.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="attachmentId">The attachment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task DeleteAsync(CrmPrincipal principal, string entity, Guid recordId, Guid attachmentId, CancellationToken cancellationToken = default);
}
