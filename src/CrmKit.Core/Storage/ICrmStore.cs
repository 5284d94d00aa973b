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

    /// <summary>
    /// Opens a read session for a caller that runs one statement. A provider whose transactions cost a round trip to
    /// begin and end (PostgreSQL) runs each statement of such a session on its own: one statement always sees one
    /// consistent state, but two statements may see different ones. Callers that run several statements and need them
    /// to agree (a page and its total, a record and its history) open an ordinary read session instead. By default an
    /// ordinary read session.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session; it cannot write.</returns>
    Task<ICrmStoreSession> BeginStatementReadAsync(CancellationToken cancellationToken) => BeginAsync(write: false, cancellationToken);
}
