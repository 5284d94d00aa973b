using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// One PostgreSQL transaction on one connection (see <see cref="ICrmStoreSession"/>). Not thread-safe: use a session
/// from one flow of work at a time. Disposing it without <see cref="CommitAsync"/> rolls back. A statement read session
/// (<see cref="PostgreSqlCrmStore.BeginStatementReadAsync"/>) has no transaction: each statement runs on its own.
/// </summary>
/// <remarks>
/// PostgreSQL aborts the whole transaction after any error, where SQLite aborts only the statement. So that a unique
/// violation leaves the session usable as it does with SQLite, the record writes of an entity with unique fields (and
/// the creation of a unique index) run inside a savepoint that is rolled back on error. After any other database error
/// the session refuses further work with <see cref="InvalidOperationException"/>: dispose it.
/// </remarks>
public sealed partial class PostgreSqlCrmStoreSession : ICrmStoreSession
{
    private const string UniqueViolation = "23505";

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction? _transaction;
    private readonly Action? _afterIndexBuildRequests;
    private Exception? _recovered;
    private bool _aborted;
    private bool _committed;
    private bool _disposed;

    internal PostgreSqlCrmStoreSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool write, Action? afterIndexBuildRequests)
    {
        _connection = connection;
        _transaction = transaction;
        _afterIndexBuildRequests = afterIndexBuildRequests;
        IsWrite = write;
    }

    /// <summary>Whether this session was opened for writing (it holds the store's write lock).</summary>
    public bool IsWrite { get; }

    /// <inheritdoc />
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_transaction is not null)
            {
                await _transaction.CommitAsync(cancellationToken);
            }

            _committed = true;
            if (RequestedIndexBuilds)
            {
                _afterIndexBuildRequests?.Invoke();
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>Rolls back unless committed and gives the connection back to the pool (Npgsql closes a broken one).</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }
        }
        catch (NpgsqlException)
        {
            // The connection is broken; disposing it below discards it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>Creates a command on this session's connection, inside its transaction.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The command; the caller disposes it.</returns>
    internal NpgsqlCommand CreateCommand(string sql)
    {
        ThrowIfUnusable();
        return new NpgsqlCommand(sql, _connection, _transaction);
    }

    /// <summary>Creates a command with positional parameters (<c>$1</c>, <c>$2</c>, ...).</summary>
    /// <param name="sql">The SQL text.</param>
    /// <param name="parameters">The parameters, in order.</param>
    /// <returns>The command; the caller disposes it.</returns>
    internal NpgsqlCommand CreateCommand(string sql, params NpgsqlParameter[] parameters)
    {
        var command = CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    /// <summary>
    /// Records an exception that aborted the transaction, so that later calls fail clearly instead of with SQLSTATE
    /// 25P02. Use as an exception filter around the work of a method, after its argument and state checks (which throw
    /// before any SQL runs): it returns false and the exception propagates unchanged.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>False.</returns>
    private bool Fault(Exception exception)
    {
        // A statement rolled back to its savepoint left the transaction usable; a cancellation before any SQL was sent
        // (no inner Npgsql error) and the store's own exceptions leave it as it was.
        if (!ReferenceEquals(exception, _recovered) &&
            exception is NpgsqlException or OperationCanceledException { InnerException: NpgsqlException })
        {
            _aborted = true;
        }

        return false;
    }

    private void ThrowIfReadOnly()
    {
        if (!IsWrite)
        {
            throw new InvalidOperationException(PostgreSqlStoreMessages.ReadOnlySession);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException(PostgreSqlStoreMessages.SessionCompleted);
        }

        if (_aborted || _connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            throw new InvalidOperationException(PostgreSqlStoreMessages.TransactionAborted);
        }
    }

    /// <summary>
    /// Runs one statement; when <paramref name="guard"/> is set, inside a savepoint (in the same round trip), so that
    /// an error rolls back only the statement, as SQLite would, and a unique violation of <paramref name="model"/>'s
    /// fields becomes <see cref="UniqueConstraintException"/>.
    /// </summary>
    /// <param name="model">The entity written.</param>
    /// <param name="guard">Whether to run the statement in a savepoint.</param>
    /// <param name="statement">The statement (SQL and parameters).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The rows the statement affected.</returns>
    private async Task<int> ExecuteWriteAsync(
        EntityStorageModel model, bool guard, NpgsqlBatchCommand statement, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        if (guard)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SAVEPOINT crm_statement"));
        }

        batch.BatchCommands.Add(statement);
        if (guard)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("RELEASE SAVEPOINT crm_statement"));
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return statement.RecordsAffected;
        }
        catch (PostgresException e) when (guard)
        {
            await RollbackStatementAsync(e);
            if (UniqueViolationOf(model, e) is { } unique)
            {
                throw unique;
            }

            throw;
        }
        catch (PostgresException e) when (UniqueViolationOf(model, e) is { } unique)
        {
            // Without a savepoint the transaction is aborted all the same; the caller still learns which field clashed.
            _aborted = true;
            throw unique;
        }
    }

    /// <summary>Rolls back to the statement's savepoint, leaving the transaction usable (or marks it aborted when that fails).</summary>
    /// <param name="error">The statement's error, which then no longer faults the session.</param>
    /// <returns>A task.</returns>
    private async Task RollbackStatementAsync(PostgresException error)
    {
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT crm_statement; RELEASE SAVEPOINT crm_statement", _connection, _transaction);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            _recovered = error;
        }
        catch (NpgsqlException)
        {
            _aborted = true;
        }
    }

    /// <summary>Maps a violated <c>ux_&lt;entity&gt;__&lt;field&gt;</c> index to <see cref="UniqueConstraintException"/>.</summary>
    /// <param name="model">The entity written.</param>
    /// <param name="exception">The PostgreSQL error.</param>
    /// <returns>The mapped exception, or null when the error is not a unique field violation.</returns>
    private static UniqueConstraintException? UniqueViolationOf(EntityStorageModel model, PostgresException exception)
    {
        if (exception.SqlState != UniqueViolation)
        {
            return null;
        }

        // The index name is ux_<entity>__<field>, shortened when too long: compare with the names of the model's unique
        // fields first, then read an unshortened name whose field the model does not (or no longer) mark unique.
        var field = PostgreSqlIndexDefinitions.UniqueFieldOf(model, exception.ConstraintName);
        var prefix = "ux_" + model.Entity + "__";
        if (field is null && exception.ConstraintName is { } name && name.StartsWith(prefix, StringComparison.Ordinal) &&
            PostgreSqlSql.IsIdentifier(name[prefix.Length..]))
        {
            field = name[prefix.Length..];
        }

        return field is null ? null : new UniqueConstraintException(model.Entity, field, exception);
    }
}
