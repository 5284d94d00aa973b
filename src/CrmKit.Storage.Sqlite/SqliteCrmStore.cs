using System.Globalization;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// The embedded SQLite store: one database file in WAL mode, a table <c>e_&lt;entity&gt;</c> per entity with the
/// field values as JSON text, and expression indexes for indexed and unique fields.
/// </summary>
/// <remarks>
/// Every session rents an open connection from the store's own pool and runs one transaction on it. Write sessions
/// start with <c>BEGIN IMMEDIATE</c>, so concurrent writers queue (up to <see cref="SqliteStoreOptions.BusyTimeout"/>)
/// instead of failing part-way; read sessions use a deferred transaction and see one consistent snapshot,
/// concurrently with a writer. Each pooled connection keeps its hot statements (queries, reads by id, inserts,
/// updates, counts) compiled across sessions.
/// </remarks>
public sealed class SqliteCrmStore : ICrmStore, IDisposable
{
    /// <summary>The storage format this version writes and understands (kept in <c>crm_meta</c>).</summary>
    public const int StorageFormatVersion = 1;

    private readonly string _connectionString;

    /// <summary>Creates the store.</summary>
    /// <param name="options">The options.</param>
    public SqliteCrmStore(IOptions<SqliteStoreOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>Creates the store.</summary>
    /// <param name="options">The options.</param>
    public SqliteCrmStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(SqliteStoreMessages.ConnectionStringRequired, nameof(options));
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(options), SqliteStoreMessages.BusyTimeoutInvalid);
        }

        if (options.WalAutoCheckpointPages < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), SqliteStoreMessages.WalAutoCheckpointInvalid);
        }

        _connectionString = BuildConnectionString(options);

        // synchronous=NORMAL is durable in WAL mode except for the last transactions before a power loss.
        var pragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {options.WalAutoCheckpointPages};");
        Pool = new SqliteConnectionPool(_connectionString, pragmas);
    }

    /// <summary>The store's open connections and their prepared statements.</summary>
    internal SqliteConnectionPool Pool { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var session = await BeginSessionAsync(write: true, cancellationToken);
        await session.InitializeSchemaAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ICrmStoreSession> BeginAsync(bool write, CancellationToken cancellationToken) =>
        AmbientStoreTransaction.TryJoin(this, out var joined) ? joined : await BeginSessionAsync(write, cancellationToken);

    /// <summary>
    /// Opens a session, typed as the SQLite session so that provider-specific members such as
    /// <see cref="SqliteCrmStoreSession.ExplainAsync"/> are reachable.
    /// </summary>
    /// <param name="write">Whether the session writes; write sessions take the write lock up front.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session; dispose it, and commit it to keep its changes.</returns>
    public async Task<SqliteCrmStoreSession> BeginSessionAsync(bool write, CancellationToken cancellationToken)
    {
        var connection = await Pool.RentAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE waits for the write lock (busy_timeout) before any work.
            connection.Begin(write);
            return new SqliteCrmStoreSession(Pool, connection, write);
        }
        catch
        {
            // SQLITE_BUSY after the timeout, or worse: do not keep the connection.
            Pool.Return(connection, reusable: false);
            throw;
        }
    }

    /// <summary>
    /// Closes the store's pooled connections (sessions still open close theirs when disposed) and the idle
    /// connections of Microsoft.Data.Sqlite's pool for this database, which checkpoints its WAL file.
    /// </summary>
    public void Dispose()
    {
        Pool.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static string BuildConnectionString(SqliteStoreOptions options)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);

        // Microsoft.Data.Sqlite retries busy statements itself until the command timeout (30 s by default) on top of
        // SQLite's busy_timeout; aligning the two makes BusyTimeout the real limit unless the string sets its own.
        if (!builder.ShouldSerialize("Default Timeout"))
        {
            builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        }

        return builder.ToString();
    }
}
