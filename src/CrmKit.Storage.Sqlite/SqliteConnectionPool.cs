using System.Data;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// A store's own pool of open connections (<see cref="SqlitePooledConnection"/>), so that sessions reuse both the
/// connection with its PRAGMAs and the statements it has compiled. Thread-safe. It keeps at most
/// <see cref="MaxIdle"/> idle connections; more sessions than that at once open extra connections, which are closed
/// when returned to a full pool.
/// </summary>
internal sealed class SqliteConnectionPool : IDisposable
{
    /// <summary>The default number of idle connections kept.</summary>
    public const int DefaultMaxIdle = 16;

    /// <summary>The default number of prepared commands cached per connection.</summary>
    public const int DefaultStatementCapacity = 64;

    private readonly Stack<SqlitePooledConnection> _idle = new();
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly int _statementCapacity;
    private readonly Action _onPrepared;
    private long _connectionsOpened;
    private long _connectionsClosed;
    private long _statementsPrepared;
    private volatile bool _journalModeSet;
    private bool _disposed;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="connectionString">The Microsoft.Data.Sqlite connection string.</param>
    /// <param name="pragmas">The PRAGMA statements run on every connection it opens.</param>
    /// <param name="maxIdle">How many idle connections to keep.</param>
    /// <param name="statementCapacity">How many prepared commands each connection caches.</param>
    public SqliteConnectionPool(string connectionString, string pragmas, int maxIdle = DefaultMaxIdle, int statementCapacity = DefaultStatementCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIdle);
        ArgumentOutOfRangeException.ThrowIfLessThan(statementCapacity, 1);
        _connectionString = connectionString;
        _pragmas = pragmas;
        MaxIdle = maxIdle;
        _statementCapacity = statementCapacity;
        _onPrepared = () => Interlocked.Increment(ref _statementsPrepared);
    }

    /// <summary>How many idle connections the pool keeps at most.</summary>
    public int MaxIdle { get; }

    /// <summary>How many connections wait in the pool now.</summary>
    public int IdleCount
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>How many connections the pool has opened so far.</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connectionsOpened);

    /// <summary>How many of the connections it opened the pool has closed so far.</summary>
    public long ConnectionsClosed => Interlocked.Read(ref _connectionsClosed);

    /// <summary>How many statements the pool's connections have compiled so far (prepared-command cache misses).</summary>
    public long StatementsPrepared => Interlocked.Read(ref _statementsPrepared);

    /// <summary>Takes an idle connection, or opens one when none is idle.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The connection; hand it back with <see cref="Return"/>.</returns>
    public async ValueTask<SqlitePooledConnection> RentAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        return await OpenAsync(cancellationToken);
    }

    /// <summary>
    /// Hands a connection back. It is kept only when <paramref name="reusable"/>, still open, out of any transaction
    /// and the pool has room; otherwise it is closed.
    /// </summary>
    /// <param name="connection">The connection from <see cref="RentAsync"/>.</param>
    /// <param name="reusable">False when the connection saw an error that may have left it in an unknown state.</param>
    public void Return(SqlitePooledConnection connection, bool reusable)
    {
        if (reusable && !connection.IsDisposed && connection.Connection.State == ConnectionState.Open && !connection.InTransaction)
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(connection);
                    return;
                }
            }
        }

        Close(connection);
    }

    /// <summary>Closes the idle connections; connections still rented are closed when returned.</summary>
    public void Dispose()
    {
        SqlitePooledConnection[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            Close(connection);
        }
    }

    private void Close(SqlitePooledConnection connection)
    {
        if (connection.IsDisposed)
        {
            return;
        }

        // Closing gives the native connection back to Microsoft.Data.Sqlite's pool, which does not check it. One
        // still inside a transaction (its rollback failed) must not be handed out again: clearing the pool marks
        // the connections now open as not to be pooled, so this one is really closed, which rolls it back.
        if (connection.InTransaction)
        {
            SqliteConnection.ClearPool(connection.Connection);
        }

        connection.Dispose();
        Interlocked.Increment(ref _connectionsClosed);
    }

    private async Task<SqlitePooledConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // busy_timeout and synchronous belong to the native connection; the journal mode is stored in the
            // database file, so setting it once per store is enough.
            using (var command = connection.CreateCommand())
            {
                command.CommandText = _journalModeSet ? _pragmas : _pragmas + " PRAGMA journal_mode = WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            _journalModeSet = true;
            Interlocked.Increment(ref _connectionsOpened);
            return new SqlitePooledConnection(connection, _statementCapacity, _onPrepared);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
