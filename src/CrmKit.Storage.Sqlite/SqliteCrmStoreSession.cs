using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// One SQLite transaction (see <see cref="ICrmStoreSession"/>). Not thread-safe: use a session from one flow of
/// work at a time. Disposing it without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed partial class SqliteCrmStoreSession : ICrmStoreSession
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    private readonly SqliteConnectionPool _pool;
    private readonly SqlitePooledConnection _connection;
    private int _openScans;
    private bool _faulted;
    private bool _committed;
    private bool _disposed;

    internal SqliteCrmStoreSession(SqliteConnectionPool pool, SqlitePooledConnection connection, bool write)
    {
        _pool = pool;
        _connection = connection;
        IsWrite = write;
    }

    /// <summary>Whether this session was opened for writing (<c>BEGIN IMMEDIATE</c>).</summary>
    public bool IsWrite { get; }

    /// <inheritdoc />
    public Task CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _connection.Commit();
            _committed = true;
            return Task.CompletedTask;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>
    /// Rolls back unless committed and gives the connection back to the store's pool; a connection that saw an
    /// error other than a constraint violation, or whose rollback failed, is closed instead.
    /// </summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return ValueTask.CompletedTask;
        }

        _disposed = true;
        var reusable = !_faulted && _openScans == 0;
        try
        {
            // After some errors SQLite has already rolled the transaction back itself.
            if (_connection.InTransaction)
            {
                _connection.Rollback();
            }
        }
        catch (SqliteException)
        {
            reusable = false;
        }

        _pool.Return(_connection, reusable);
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates a one-off command on this session's connection, inside its transaction.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The command; the caller disposes it.</returns>
    internal SqliteCommand CreateCommand(string sql)
    {
        ThrowIfUnusable();
        var command = _connection.Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Returns the connection's cached, prepared command for <paramref name="sql"/>, inside this session's
    /// transaction. It may come from an earlier session: rebind every parameter (and add them when
    /// <see cref="SqliteCommand.Parameters"/> is empty).
    /// </summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The command; the connection owns it, so do not dispose it.</returns>
    internal SqliteCommand GetCommand(string sql)
    {
        ThrowIfUnusable();
        return _connection.GetCommand(sql);
    }

    /// <summary>
    /// Records an exception that may have left the connection in an unknown state, so that it is closed rather than
    /// pooled. Use as an exception filter around the work of a method, after its argument and state checks (which
    /// throw before any SQL runs): it returns false and the exception propagates unchanged.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>False.</returns>
    private bool Fault(Exception exception)
    {
        // A constraint violation aborts its statement (or, through RAISE(ROLLBACK), the whole transaction, which
        // leaves no transaction to clean up); the others below are raised before SQL runs or between statements
        // (cancellation), and leave the connection as it was.
        if (exception is not (SqliteException { SqliteErrorCode: SqliteConstraint } or UniqueConstraintException
            or MetadataConcurrencyException or OperationCanceledException or ArgumentException or NotSupportedException))
        {
            _faulted = true;
        }

        return false;
    }

    private async Task<long> ExecuteNonQueryAsync(SqliteStatement statement, CancellationToken cancellationToken)
    {
        await using var command = statement.CreateCommand(this);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void ThrowIfReadOnly()
    {
        if (!IsWrite)
        {
            throw new InvalidOperationException(SqliteStoreMessages.ReadOnlySession);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException(SqliteStoreMessages.SessionCompleted);
        }

        // SQLite rolls the whole transaction back after some errors (a full disk, an I/O error); statements run now
        // would each commit on their own.
        if (!_connection.InTransaction)
        {
            throw new InvalidOperationException(SqliteStoreMessages.TransactionAborted);
        }
    }

    /// <summary>Maps a violated <c>ux_&lt;entity&gt;__&lt;field&gt;</c> index to <see cref="UniqueConstraintException"/>.</summary>
    /// <param name="entity">The entity written.</param>
    /// <param name="exception">The SQLite error.</param>
    /// <returns>The mapped exception, or null when the error is not a unique field violation.</returns>
    private static UniqueConstraintException? MapUniqueViolation(string entity, SqliteException exception)
    {
        if (exception.SqliteExtendedErrorCode != SqliteConstraintUnique)
        {
            return null;
        }

        // SQLite reports expression-index violations as "UNIQUE constraint failed: index 'ux_<entity>__<field>'".
        var prefix = SqliteSql.UniqueIndexPrefix(entity);
        var message = exception.Message;
        var start = message.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += prefix.Length;
        var end = start;
        while (end < message.Length && (char.IsAsciiLetterLower(message[end]) || char.IsAsciiDigit(message[end]) || message[end] == '_'))
        {
            end++;
        }

        return end > start ? new UniqueConstraintException(entity, message[start..end], exception) : null;
    }
}
