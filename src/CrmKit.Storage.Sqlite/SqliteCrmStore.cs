using System.Globalization;
using System.Runtime.CompilerServices;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace CrmKit.Storage.Sqlite;

/// <summary>
/// The embedded SQLite store: one database file in WAL mode, a table <c>e_&lt;entity&gt;</c> per entity with the
/// field values as JSON text, and expression indexes for indexed and unique fields.
/// </summary>
/// <remarks>
/// Every session opens a pooled connection and one transaction. Write sessions start with <c>BEGIN IMMEDIATE</c>,
/// so concurrent writers queue (up to <see cref="SqliteStoreOptions.BusyTimeout"/>) instead of failing part-way;
/// read sessions use a deferred transaction and see one consistent snapshot, concurrently with a writer.
/// </remarks>
public sealed class SqliteCrmStore : ICrmStore, IDisposable
{
    /// <summary>The storage format this version writes and understands (kept in <c>crm_meta</c>).</summary>
    public const int StorageFormatVersion = 1;

    private static readonly ConditionalWeakTable<sqlite3, string> ConfiguredHandles = new();

    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private volatile bool _journalModeSet;

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

        _connectionString = BuildConnectionString(options);

        // synchronous=NORMAL is durable in WAL mode except for the last transactions before a power loss.
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var session = await BeginSessionAsync(write: true, cancellationToken);
        await session.InitializeSchemaAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ICrmStoreSession> BeginAsync(bool write, CancellationToken cancellationToken) =>
        await BeginSessionAsync(write, cancellationToken);

    /// <summary>
    /// Opens a session, typed as the SQLite session so that provider-specific members such as
    /// <see cref="SqliteCrmStoreSession.ExplainAsync"/> are reachable.
    /// </summary>
    /// <param name="write">Whether the session writes; write sessions take the write lock up front.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session; dispose it, and commit it to keep its changes.</returns>
    public async Task<SqliteCrmStoreSession> BeginSessionAsync(bool write, CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken);
        try
        {
            // deferred: false issues BEGIN IMMEDIATE, which waits for the write lock (busy_timeout) before any work.
            var transaction = connection.BeginTransaction(deferred: !write);
            return new SqliteCrmStoreSession(connection, transaction, write);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the idle pooled connections of this store's database, which checkpoints its WAL file.</summary>
    public void Dispose()
    {
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

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // busy_timeout and synchronous belong to the native connection, which the pool keeps open between
            // sessions: set them once per native connection (and again if another store set different values).
            var handle = connection.Handle!;
            if (!_journalModeSet || !ConfiguredHandles.TryGetValue(handle, out var applied) || !string.Equals(applied, _connectionPragmas, StringComparison.Ordinal))
            {
                using var command = connection.CreateCommand();
                command.CommandText = _journalModeSet ? _connectionPragmas : _connectionPragmas + " PRAGMA journal_mode = WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
                ConfiguredHandles.AddOrUpdate(handle, _connectionPragmas);

                // The journal mode is stored in the database file; setting it once per store is enough.
                _journalModeSet = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
