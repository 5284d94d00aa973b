namespace CrmKit.Core.Storage;

/// <summary>
/// A storage provider (SQLite, PostgreSQL). Every provider passes the same conformance suite
/// (tests/CrmKit.Storage.Conformance).
/// </summary>
public interface ICrmStore
{
    /// <summary>Creates the system tables when they are missing (idempotent).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Opens a session over one transaction. Disposing it without <see cref="ICrmStoreSession.CommitAsync"/> rolls back.</summary>
    /// <param name="write">Whether the session writes; write sessions take the write lock up front.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session.</returns>
    Task<ICrmStoreSession> BeginAsync(bool write, CancellationToken cancellationToken);
}
