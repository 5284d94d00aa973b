using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// An open connection kept by <see cref="SqliteConnectionPool"/>, with the PRAGMAs applied and a bounded LRU cache
/// of prepared commands keyed by SQL text. Microsoft.Data.Sqlite finalizes a command's statements when the command
/// is disposed, so reusing the command objects is what keeps statements compiled across sessions.
/// </summary>
/// <remarks>
/// Used by one session at a time; not thread-safe. Transactions are driven with cached <c>BEGIN</c>,
/// <c>COMMIT</c> and <c>ROLLBACK</c> statements rather than <see cref="SqliteTransaction"/> (which prepares them
/// anew every time), so commands run with <see cref="SqliteCommand.Transaction"/> left null, and
/// <see cref="InTransaction"/> asks SQLite itself whether the transaction is still open.
/// </remarks>
internal sealed class SqlitePooledConnection : IDisposable
{
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _commands = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<SqliteCommand> _recency = [];
    private readonly int _capacity;
    private readonly Action? _onPrepared;
    private SqliteCommand? _begin;
    private SqliteCommand? _beginImmediate;
    private SqliteCommand? _commit;
    private SqliteCommand? _rollback;
    private bool _disposed;

    /// <summary>Wraps an open connection.</summary>
    /// <param name="connection">The open connection, PRAGMAs applied; this object owns it.</param>
    /// <param name="capacity">How many prepared commands to keep, besides the transaction statements.</param>
    /// <param name="onPrepared">Called whenever a statement is compiled (for the pool's counters).</param>
    public SqlitePooledConnection(SqliteConnection connection, int capacity, Action? onPrepared = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Connection = connection;
        _capacity = capacity;
        _onPrepared = onPrepared;
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>How many commands the cache holds now.</summary>
    public int CachedCommandCount => _commands.Count;

    /// <summary>How many statements this connection has compiled (cache misses, transaction statements included).</summary>
    public long StatementsPrepared { get; private set; }

    /// <summary>Whether this connection has been disposed.</summary>
    public bool IsDisposed => _disposed;

    /// <summary>Whether a transaction is open: SQLite is out of autocommit mode.</summary>
    public bool InTransaction => !_disposed && Connection.Handle is { } handle && raw.sqlite3_get_autocommit(handle) == 0;

    /// <summary>
    /// Returns the prepared command for <paramref name="sql"/>, compiling it on a miss and disposing the least
    /// recently used command when the cache is full. The command keeps the parameters its last user added; the
    /// same SQL text always has the same parameter names, so callers rebind values (and add the parameters when
    /// the command is new).
    /// </summary>
    /// <param name="sql">The SQL text, which is also the key.</param>
    /// <returns>The command; the cache owns it, so do not dispose it.</returns>
    public SqliteCommand GetCommand(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_commands.TryGetValue(sql, out var node))
        {
            if (node != _recency.First)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
            }

            return node.Value;
        }

        var command = Prepare(sql);
        _commands.Add(sql, _recency.AddFirst(command));
        if (_commands.Count > _capacity)
        {
            var evicted = _recency.Last!.Value;
            _recency.RemoveLast();
            _commands.Remove(evicted.CommandText);
            evicted.Dispose();
        }

        return command;
    }

    /// <summary>Starts a transaction: <c>BEGIN IMMEDIATE</c> (waits for the write lock) or a deferred <c>BEGIN</c>.</summary>
    /// <param name="write">Whether to take the write lock now.</param>
    public void Begin(bool write)
    {
        var command = write ? _beginImmediate ??= Prepare("BEGIN IMMEDIATE") : _begin ??= Prepare("BEGIN");
        command.ExecuteNonQuery();
    }

    /// <summary>Commits the open transaction.</summary>
    public void Commit() => (_commit ??= Prepare("COMMIT")).ExecuteNonQuery();

    /// <summary>Rolls back the open transaction.</summary>
    public void Rollback() => (_rollback ??= Prepare("ROLLBACK")).ExecuteNonQuery();

    /// <summary>Disposes every cached command and closes the connection.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var command in _recency)
        {
            command.Dispose();
        }

        _commands.Clear();
        _recency.Clear();
        _begin?.Dispose();
        _beginImmediate?.Dispose();
        _commit?.Dispose();
        _rollback?.Dispose();
        Connection.Dispose();
    }

    private SqliteCommand Prepare(string sql)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = Connection.CreateCommand();
        try
        {
            command.CommandText = sql;
            command.Prepare();
        }
        catch
        {
            command.Dispose();
            throw;
        }

        StatementsPrepared++;
        _onPrepared?.Invoke();
        return command;
    }
}
