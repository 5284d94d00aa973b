using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// Builds the field indexes queued in <c>crm_index_builds</c> with <c>CREATE INDEX CONCURRENTLY</c>, outside any
/// transaction, so that writes to the table go on during the build. One builder per store; it runs when a session that
/// queued a build commits and when <see cref="PostgreSqlCrmStore.BuildPendingIndexesAsync"/> is called (the hosted
/// service does that at start and periodically, so a build a stopped node left behind is finished by another).
/// </summary>
/// <remarks>
/// Each index is worked on under a session advisory lock, so one node builds it. An interrupted build leaves an invalid
/// index; the next run drops it (<c>DROP INDEX CONCURRENTLY</c>) and builds again. When the request changed while the
/// index was being built (a new definition) the result is dropped and built again; when it went (the field is no longer
/// indexed) the result is dropped.
/// </remarks>
internal sealed partial class PostgreSqlIndexBuilder(NpgsqlDataSource dataSource, ILogger logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task _running = Task.CompletedTask;
    private bool _busy;
    private bool _again;

    /// <summary>Starts a run in the background, or asks the running one to look again when it ends.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (_busy)
            {
                _again = true;
                return;
            }

            _busy = true;
            _running = Task.Run(LoopAsync);
        }
    }

    /// <summary>The background run in progress, or a completed task (for tests: a session that queued a build wakes the builder as it commits).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Works through the queued builds now, on the calling flow; returns the number of indexes it made ready.</summary>
    /// <param name="cancellationToken">Cancels the run (a build in progress is left for the next run).</param>
    /// <returns>The number of indexes built.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = linked.Token;
        await using var connection = await dataSource.OpenConnectionAsync(token);
        var built = 0;
        foreach (var name in await QueuedAsync(connection, token))
        {
            built += await BuildAsync(connection, name, token) ? 1 : 0;
        }

        await SweepAsync(connection, token);
        return built;
    }

    /// <summary>Stops the background run, leaving an unfinished build for the next start.</summary>
    /// <returns>A task.</returns>
    public async ValueTask DisposeAsync()
    {
        Task running;
        lock (_gate)
        {
            _stopping.Cancel();
            running = _running;
        }

        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task LoopAsync()
    {
        var released = false;
        try
        {
            while (true)
            {
                try
                {
                    await RunAsync(CancellationToken.None);
                }
                catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
                {
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    // The database went away, say: the requests stay queued for the next run.
                    LogRunFailed(logger, e);
                }

                lock (_gate)
                {
                    if (!_again || _stopping.IsCancellationRequested)
                    {
                        _busy = false;
                        released = true;
                        return;
                    }

                    _again = false;
                }
            }
        }
        finally
        {
            if (!released)
            {
                // An unexpected error ends the run (and faults Idle); the next wake starts a new one.
                lock (_gate)
                {
                    _busy = false;
                }
            }
        }
    }

    private static async Task<List<string>> QueuedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT index_name FROM crm_index_builds WHERE state IN ('pending', 'building') ORDER BY requested_at, index_name", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Builds one queued index under its lock; false when another node holds it or there was nothing to do.</summary>
    private async Task<bool> BuildAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        if (!await TryLockAsync(connection, name, cancellationToken))
        {
            return false;
        }

        try
        {
            // The request may change while the index is built; then the index is built again (a few times at most).
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (await ReadRequestAsync(connection, name, cancellationToken) is not { } request)
                {
                    return false;
                }

                var current = await ReadIndexCommentAsync(connection, name, cancellationToken);
                if (current.Exists && current.Comment == PostgreSqlIndexDefinitions.CommentPrefix + request.Definition)
                {
                    return await MarkAsync(connection, name, request.Definition, PostgreSqlIndexBuilds.Ready, null, cancellationToken);
                }

                if (current.Exists)
                {
                    await DropAsync(connection, name, cancellationToken);
                }

                await MarkAsync(connection, name, request.Definition, PostgreSqlIndexBuilds.Building, null, cancellationToken);
                LogBuilding(logger, name, request.Entity, request.Field);
                if (await TryCreateAsync(connection, name, request, cancellationToken) is { } error)
                {
                    await MarkAsync(connection, name, request.Definition, PostgreSqlIndexBuilds.Failed, error.MessageText, cancellationToken);
                    LogFailed(logger, error, name, error.MessageText);
                    return false;
                }

                if (await MarkAsync(connection, name, request.Definition, PostgreSqlIndexBuilds.Ready, null, cancellationToken))
                {
                    LogBuilt(logger, name);
                    return true;
                }

                if (await ReadRequestAsync(connection, name, cancellationToken) is null)
                {
                    // The field stopped being indexed while the index was built.
                    await DropAsync(connection, name, cancellationToken);
                    return false;
                }
            }

            return false;
        }
        finally
        {
            await UnlockAsync(connection, name);
        }
    }

    /// <summary>Runs CREATE INDEX CONCURRENTLY and sets the comment; on a database error drops the invalid remains and returns the error.</summary>
    private static async Task<PostgresException?> TryCreateAsync(
        NpgsqlConnection connection, string name, (string Entity, string Field, string Definition) request, CancellationToken cancellationToken)
    {
        try
        {
            // No statement timeout: a big table takes as long as it takes, and writes go on meanwhile.
            await using (var create = new NpgsqlCommand(PostgreSqlIndexBuilds.Concurrently(request.Definition), connection) { CommandTimeout = 0 })
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var comment = PostgreSqlIndexDefinitions.CommentPrefix + request.Definition;
            await using var describe = new NpgsqlCommand($"COMMENT ON INDEX {PostgreSqlSql.Quote(name)} IS {PostgreSqlSql.Literal(comment)}", connection);
            await describe.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }
        catch (PostgresException e) when (!cancellationToken.IsCancellationRequested)
        {
            await DropAsync(connection, name, cancellationToken);
            return e;
        }
    }

    /// <summary>Drops the invalid field indexes no active request covers and no builder holds (what a stopped build left).</summary>
    private static async Task SweepAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var leftovers = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace AND c.relname LIKE 'ix\_%'
              AND NOT EXISTS (SELECT 1 FROM crm_index_builds b WHERE b.index_name = c.relname AND b.state IN ('pending', 'building'))
            """, connection))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                leftovers.Add(reader.GetString(0));
            }
        }

        foreach (var name in leftovers)
        {
            if (await TryLockAsync(connection, name, cancellationToken))
            {
                try
                {
                    await DropAsync(connection, name, cancellationToken);
                }
                finally
                {
                    await UnlockAsync(connection, name);
                }
            }
        }
    }

    private static async Task<(string Entity, string Field, string Definition)?> ReadRequestAsync(
        NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT entity, field, definition FROM crm_index_builds WHERE index_name = $1 AND state IN ('pending', 'building')", connection)
        {
            Parameters = { Text(name) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    }

    /// <summary>Whether the index exists and, when it is valid, its comment.</summary>
    private static async Task<(bool Exists, string? Comment)> ReadIndexCommentAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT CASE WHEN i.indisvalid THEN obj_description(c.oid, 'pg_class') END
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace
            """, connection)
        {
            Parameters = { Text(name) },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }

    /// <summary>Moves a request to a state if it still asks for this definition; false when it changed or went.</summary>
    private static async Task<bool> MarkAsync(
        NpgsqlConnection connection, string name, string definition, string state, string? error, CancellationToken cancellationToken)
    {
        var set = state == PostgreSqlIndexBuilds.Building
            ? "state = 'building', started_at = now(), finished_at = NULL, builder_pid = pg_backend_pid(), error = NULL"
            : "state = $3, finished_at = now(), builder_pid = NULL, error = $4";
        await using var command = new NpgsqlCommand(
            $"UPDATE crm_index_builds SET {set} WHERE index_name = $1 AND definition = $2 AND state IN ('pending', 'building')", connection)
        {
            Parameters = { Text(name), Text(definition) },
        };
        if (state != PostgreSqlIndexBuilds.Building)
        {
            command.Parameters.Add(Text(state));
            command.Parameters.Add(Text(error));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task DropAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DROP INDEX CONCURRENTLY IF EXISTS " + PostgreSqlSql.Quote(name), connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1, hashtext($2))", connection);
        command.Parameters.AddRange(LockKeys(name));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, string name)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
        {
            return; // the server released the lock with the connection
        }

        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", connection);
        command.Parameters.AddRange(LockKeys(name));
        await command.ExecuteScalarAsync(CancellationToken.None);
    }

    private static NpgsqlParameter Text(string? value) => PostgreSqlCrmStoreSession.Text(value);

    /// <summary>The two keys of the index's advisory lock: the class, and the name's hash computed by the server.</summary>
    private static NpgsqlParameter[] LockKeys(string name) =>
        [new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = PostgreSqlIndexBuilds.LockClass }, Text(name)];

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Building index {Index} of {Entity}.{Field} concurrently (writes go on meanwhile)")]
    private static partial void LogBuilding(ILogger logger, string index, string entity, string field);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Index {Index} is built and in use")]
    private static partial void LogBuilt(ILogger logger, string index);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Building index {Index} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string index, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The background index builds stopped early; they go on at the next run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
