using System.Data;
using System.Data.Common;
using System.Globalization;
using CrmKit.Core.Storage;
using CrmKit.Storage.PostgreSql.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL store: a table <c>e_&lt;entity&gt;</c> per entity with the field values as one <c>jsonb</c> document
/// (next to their exact text), typed expression indexes for indexed and unique fields, and system tables created by
/// versioned migrations.
/// </summary>
/// <remarks>
/// <para>
/// Every session is one connection from the store's <see cref="NpgsqlDataSource"/> and one transaction on it. Write
/// sessions run at READ COMMITTED and start by taking a transaction-level advisory lock
/// (<c>pg_advisory_xact_lock(</c><see cref="WriteLockKey"/><c>)</c>), so write sessions run one at a time per
/// database, across processes, and queue (up to <see cref="PostgreSqlStoreOptions.LockTimeout"/>) instead of failing
/// part-way: the same semantics as the SQLite store's <c>BEGIN IMMEDIATE</c>. Finer-grained write concurrency is later
/// work. The outbox claims do not rely on that lock: they lease jobs with <c>FOR UPDATE SKIP LOCKED</c>.
/// </para>
/// <para>
/// Read sessions take no lock and run at REPEATABLE READ: like the SQLite store's read transactions they see one
/// consistent snapshot (taken at their first statement), concurrently with writers.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlCrmStore : ICrmStore, IStoreIndexBuilds, IDisposable, IAsyncDisposable
{
    /// <summary>
    /// The key of the session-level advisory lock (<c>pg_advisory_lock</c>) that <see cref="InitializeAsync"/> holds on
    /// its own connection while it applies migrations, so nodes starting at once apply each migration exactly once.
    /// </summary>
    public const long MigrationLockKey = 0x43524D4B_4D494752; // "CRMKMIGR"

    /// <summary>The key of the transaction-level advisory lock (<c>pg_advisory_xact_lock</c>) every write session takes first.</summary>
    public const long WriteLockKey = 0x43524D4B_57524954; // "CRMKWRIT"

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _lockTimeout;
    private readonly PostgreSqlIndexBuilder _indexBuilder;

    /// <summary>Creates the store.</summary>
    /// <param name="options">The options.</param>
    public PostgreSqlCrmStore(IOptions<PostgreSqlStoreOptions> options)
        : this(options.Value, logger: null)
    {
    }

    /// <summary>Creates the store.</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">Logs the background index builds.</param>
    public PostgreSqlCrmStore(IOptions<PostgreSqlStoreOptions> options, ILogger<PostgreSqlCrmStore> logger)
        : this(options.Value, logger)
    {
    }

    /// <summary>Creates the store (no connection is opened until it is used).</summary>
    /// <param name="options">The options.</param>
    public PostgreSqlCrmStore(PostgreSqlStoreOptions options)
        : this(options, logger: null)
    {
    }

    /// <summary>Creates the store (no connection is opened until it is used).</summary>
    /// <param name="options">The options.</param>
    /// <param name="logger">Logs the background index builds; none when null.</param>
    public PostgreSqlCrmStore(PostgreSqlStoreOptions options, ILogger<PostgreSqlCrmStore>? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException(PostgreSqlStoreMessages.ConnectionStringRequired, nameof(options));
        }

        if (!IsValidCommandTimeout(options.CommandTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(options), PostgreSqlStoreMessages.CommandTimeoutInvalid);
        }

        if (!IsValidLockTimeout(options.LockTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(options), PostgreSqlStoreMessages.LockTimeoutInvalid);
        }

        // NpgsqlConnectionStringBuilder.ContainsKey answers for every keyword it knows; the plain builder tells what the
        // string itself sets.
        var given = new DbConnectionStringBuilder { ConnectionString = options.ConnectionString };
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.ConnectionStringBuilder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        }

        // The store sends the same few statements over and over: Npgsql prepares the ones it sees repeatedly (one parse
        // and plan instead of one per call), and a connection going back to the pool keeps them rather than being reset
        // with DISCARD ALL. Safe because the store leaves no session state behind: lock_timeout is set per transaction,
        // and the migrator releases its session-level advisory lock itself. The connection string may say otherwise.
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 50;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        }

        _dataSource = builder.Build();
        _indexBuilder = new PostgreSqlIndexBuilder(_dataSource, logger ?? (ILogger)NullLogger.Instance);
        _lockTimeout = ((long)Math.Ceiling(options.LockTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
    }

    /// <summary>The data source the store's sessions draw their connections from.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    /// <inheritdoc />
    /// <remarks>
    /// Applies the migrations the database lacks (<see cref="PostgreSqlMigrations.All"/>), each in its own transaction,
    /// recording them in <c>crm_schema_migrations</c>, under a session-level advisory lock on a connection of its own.
    /// Throws <see cref="NotSupportedException"/> when the database has a migration newer than this version knows.
    /// </remarks>
    public Task InitializeAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    /// <summary>
    /// Applies the migrations the database lacks, under the migration lock (what <see cref="InitializeAsync"/> does), and
    /// says which: for an explicit migration step before nodes of a new version start.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation (the migration in progress rolls back).</param>
    /// <returns>The migrations applied now ("0003 workflows"), oldest first; empty when the database was up to date.</returns>
    /// <exception cref="NotSupportedException">The database was migrated by a newer version of this provider.</exception>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        PostgreSqlMigrator.ApplyAsync(_dataSource, cancellationToken);

    /// <inheritdoc />
    public async Task<ICrmStoreSession> BeginAsync(bool write, CancellationToken cancellationToken) =>
        AmbientStoreTransaction.TryJoin(this, out var joined) ? joined : await BeginSessionAsync(write, cancellationToken);

    /// <summary>
    /// Opens a session, typed as the PostgreSQL session so that provider-specific members such as
    /// <see cref="PostgreSqlCrmStoreSession.ExplainAsync"/> are reachable.
    /// </summary>
    /// <param name="write">Whether the session writes; write sessions take the write lock up front.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session; dispose it, and commit it to keep its changes.</returns>
    public Task<PostgreSqlCrmStoreSession> BeginSessionAsync(bool write, CancellationToken cancellationToken) =>
        BeginSessionAsync(write, takeWriteLock: write, cancellationToken);

    /// <summary>Closes the store's pooled connections (sessions still open close theirs when disposed).</summary>
    public void Dispose()
    {
        _indexBuilder.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dataSource.Dispose();
    }

    /// <summary>Closes the store's pooled connections (sessions still open close theirs when disposed).</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        await _indexBuilder.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    /// <summary>Opens a session; a write session may skip the write lock (tests of what does not depend on it).</summary>
    /// <param name="write">Whether the session writes.</param>
    /// <param name="takeWriteLock">Whether to take the store-wide write lock.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The session.</returns>
    internal async Task<PostgreSqlCrmStoreSession> BeginSessionAsync(bool write, bool takeWriteLock, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // Npgsql sends BEGIN with the first statement; a read session's snapshot is taken there.
            var transaction = await connection.BeginTransactionAsync(
                write ? IsolationLevel.ReadCommitted : IsolationLevel.RepeatableRead, cancellationToken);
            if (write)
            {
                // One round trip: BEGIN, the lock timeout for this transaction, then the wait for the write lock.
                await using var batch = new NpgsqlBatch(connection, transaction);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('lock_timeout', $1, true)")
                {
                    Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = _lockTimeout } },
                });
                if (takeWriteLock)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)")
                    {
                        Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = WriteLockKey } },
                    });
                }

                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            return new PostgreSqlCrmStoreSession(connection, transaction, write, _indexBuilder.Wake);
        }
        catch
        {
            // A lock timeout, a cancelled wait or worse: the connection goes back to the pool (Npgsql rolls back).
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The session holds a pooled connection and no transaction: each statement runs on its own (autocommit, READ
    /// COMMITTED), so neither a <c>BEGIN</c> nor a <c>ROLLBACK</c> is sent. That saves a round trip per read, a third of
    /// a lookup by an indexed field.
    /// </remarks>
    public async Task<ICrmStoreSession> BeginStatementReadAsync(CancellationToken cancellationToken)
    {
        if (AmbientStoreTransaction.TryJoin(this, out var joined))
        {
            return joined;
        }

        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return new PostgreSqlCrmStoreSession(connection, transaction: null, write: false, afterIndexBuildRequests: null);
    }

    /// <summary>Tells whether a command timeout is one Npgsql accepts (whole seconds, zero for none).</summary>
    /// <param name="value">The timeout.</param>
    /// <returns>True when valid.</returns>
    internal static bool IsValidCommandTimeout(TimeSpan value) => value >= TimeSpan.Zero && value <= TimeSpan.FromDays(24);

    /// <summary>Tells whether a lock timeout is one PostgreSQL accepts (a positive number of milliseconds).</summary>
    /// <param name="value">The timeout.</param>
    /// <returns>True when valid.</returns>
    internal static bool IsValidLockTimeout(TimeSpan value) => value >= TimeSpan.FromMilliseconds(1) && value.TotalMilliseconds <= int.MaxValue;
}
