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

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, SqliteCommand> _preparedCommands = new(StringComparer.Ordinal);
    private bool _committed;
    private bool _disposed;

    internal SqliteCrmStoreSession(SqliteConnection connection, SqliteTransaction transaction, bool write)
    {
        _connection = connection;
        _transaction = transaction;
        IsWrite = write;
    }

    /// <summary>Whether this session was opened for writing (<c>BEGIN IMMEDIATE</c>).</summary>
    public bool IsWrite { get; }

    /// <inheritdoc />
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var command in _preparedCommands.Values)
        {
            await command.DisposeAsync();
        }

        // Disposing an uncommitted transaction rolls it back.
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>Creates a command bound to this session's transaction.</summary>
    /// <param name="sql">The SQL text.</param>
    /// <returns>The command; the caller disposes it.</returns>
    internal SqliteCommand CreateCommand(string sql)
    {
        ThrowIfUnusable();
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Returns a command kept (and prepared once) for the rest of the session, so repeated writes to one table reuse
    /// the compiled statement.
    /// </summary>
    /// <param name="key">Identifies the statement.</param>
    /// <param name="create">Creates the command, with its parameters, on first use.</param>
    /// <returns>The command; the session disposes it.</returns>
    private SqliteCommand GetPreparedCommand(string key, Func<SqliteCrmStoreSession, SqliteCommand> create)
    {
        ThrowIfUnusable();
        if (!_preparedCommands.TryGetValue(key, out var command))
        {
            command = create(this);
            command.Prepare();
            _preparedCommands.Add(key, command);
        }

        return command;
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
