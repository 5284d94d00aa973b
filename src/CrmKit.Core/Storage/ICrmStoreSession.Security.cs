namespace CrmKit.Core.Storage;

/// <summary>
/// The security directory (table <c>crm_security</c>: users, teams, roles, API keys as versioned JSON documents), its
/// revision counter, and the audit trail (table <c>crm_audit</c>).
/// </summary>
public partial interface ICrmStoreSession
{
    /// <summary>Lists the objects of one kind, ordered by id (ordinal).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The objects.</returns>
    Task<IReadOnlyList<StoredSecurityObject>> ListSecurityObjectsAsync(string kind, CancellationToken cancellationToken);

    /// <summary>Reads one object.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="id">The id (exact, ordinal).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The object, or null.</returns>
    Task<StoredSecurityObject?> ReadSecurityObjectAsync(string kind, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an object with a compare-and-set on its version: with <paramref name="expectedVersion"/> 0 it must not exist
    /// yet; otherwise its stored version must equal it. The stored version becomes <paramref name="expectedVersion"/> + 1
    /// (<see cref="StoredSecurityObject.Version"/> of <paramref name="entry"/> is ignored).
    /// </summary>
    /// <param name="entry">The object.</param>
    /// <param name="expectedVersion">The version the writer read (0: new).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="SecurityObjectConcurrencyException">The stored version is not the expected one.</exception>
    Task WriteSecurityObjectAsync(StoredSecurityObject entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes an object when its stored version equals <paramref name="expectedVersion"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="id">The id.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="SecurityObjectConcurrencyException">The object is missing or at another version.</exception>
    Task DeleteSecurityObjectAsync(string kind, string id, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Reads the security revision: a number that grows with every change of users, teams or roles.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revision (0 when nothing was ever changed).</returns>
    Task<long> ReadSecurityRevisionAsync(CancellationToken cancellationToken);

    /// <summary>Adds one to the security revision, in this transaction.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new revision.</returns>
    Task<long> IncrementSecurityRevisionAsync(CancellationToken cancellationToken);

    /// <summary>Appends entries to the audit trail; the store assigns their sequence numbers in order.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task AppendAuditAsync(IReadOnlyList<StoredAuditEntry> entries, CancellationToken cancellationToken);

    /// <summary>Reads a record's audit entries, newest first.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="recordId">The record id.</param>
    /// <param name="before">Only entries with a smaller sequence number (the previous page's last); null for the newest.</param>
    /// <param name="limit">How many entries at most.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<StoredAuditEntry>> ReadAuditAsync(
        string entity, Guid recordId, long? before, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> of the oldest entries made before <paramref name="before"/>.</summary>
    /// <param name="before">The cut-off instant.</param>
    /// <param name="limit">How many entries at most.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many entries were deleted.</returns>
    Task<int> PruneAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);
}
