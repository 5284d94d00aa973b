namespace CrmKit.Core.Storage;

/// <summary>The attachment metadata (table <c>crm_attachments</c>): one row per file attached to a record.</summary>
public partial interface ICrmStoreSession
{
    /// <summary>Inserts the metadata of a new attachment.</summary>
    /// <param name="attachment">The attachment.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task InsertAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken);

    /// <summary>Reads one attachment.</summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachment, or null.</returns>
    Task<StoredAttachment?> GetAttachmentAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists the attachments of one record, oldest first (then by id).</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="recordId">The record id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachments.</returns>
    Task<IReadOnlyList<StoredAttachment>> ListAttachmentsAsync(string entity, Guid recordId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists attachments whose content is in any store but <paramref name="notInStore"/>, by ascending id, after
    /// <paramref name="afterId"/>: the pages a migration between stores walks.
    /// </summary>
    /// <param name="notInStore">The store to skip (the migration's target).</param>
    /// <param name="afterId">Only ids greater than this one; null to start at the first.</param>
    /// <param name="limit">The page size.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The attachments.</returns>
    Task<IReadOnlyList<StoredAttachment>> ListAttachmentsOutsideStoreAsync(
        string notInStore, Guid? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>Counts attachments by the store that holds their content.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Store name to count.</returns>
    Task<IReadOnlyDictionary<string, long>> CountAttachmentsByStoreAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Moves an attachment's content reference to another store, when it is still in <paramref name="fromStore"/>
    /// (a compare-and-set, so two migrations never both move it).
    /// </summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="fromStore">The store it must be in now.</param>
    /// <param name="toStore">The store it moves to.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when the attachment is gone or no longer in <paramref name="fromStore"/>.</returns>
    Task<bool> MoveAttachmentAsync(Guid id, string fromStore, string toStore, CancellationToken cancellationToken);

    /// <summary>Deletes an attachment's metadata.</summary>
    /// <param name="id">The attachment id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when there was no such attachment.</returns>
    Task<bool> DeleteAttachmentAsync(Guid id, CancellationToken cancellationToken);
}
