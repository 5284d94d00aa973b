using CrmKit.Core.Outbox;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // The outbox tables (CREATE TABLE IF NOT EXISTS ...), created with the system tables. Instants are Unix
    // milliseconds so that "due" is an integer comparison on the partial index of the jobs still to run. For a
    // running job due_at is its lease expiry: one index serves due pending jobs and expired leases alike.
    private const string OutboxTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_outbox (
            id TEXT NOT NULL PRIMARY KEY,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            idempotency_key TEXT NOT NULL,
            correlation_id TEXT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            max_attempts INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            lease_until INTEGER NULL,
            owner TEXT NULL,
            last_error TEXT NULL,
            finished_at INTEGER NULL,
            note TEXT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_crm_outbox_due ON crm_outbox (due_at) WHERE state IN ('pending', 'running');
        CREATE INDEX IF NOT EXISTS ix_crm_outbox_state ON crm_outbox (state, id);
        CREATE TABLE IF NOT EXISTS crm_effects (
            idempotency_key TEXT NOT NULL,
            effect TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            PRIMARY KEY (idempotency_key, effect)
        ) WITHOUT ROWID;
        """;

    private const string OutboxColumns =
        "id, kind, payload, idempotency_key, correlation_id, state, attempts, max_attempts, created_at, due_at, owner, last_error, finished_at, note";

    /// <inheritdoc />
    public async Task EnqueueOutboxJobAsync(OutboxJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            var command = Prepared(
                "INSERT INTO crm_outbox (id, kind, payload, idempotency_key, correlation_id, state, attempts, max_attempts, created_at, due_at) " +
                "VALUES (@id, @kind, @payload, @key, @correlation, @state, @attempts, @max, @created, @due)",
                ("@id", SqliteType.Text, SqliteRecordReader.FormatId(job.Id)),
                ("@kind", SqliteType.Text, job.Kind),
                ("@payload", SqliteType.Text, job.Payload),
                ("@key", SqliteType.Text, job.IdempotencyKey),
                ("@correlation", SqliteType.Text, SqliteRecordReader.ToDb(job.CorrelationId)),
                ("@state", SqliteType.Text, StateText(job.State)),
                ("@attempts", SqliteType.Integer, job.Attempts),
                ("@max", SqliteType.Integer, job.MaxAttempts),
                ("@created", SqliteType.Integer, job.CreatedAt.ToUnixTimeMilliseconds()),
                ("@due", SqliteType.Integer, job.DueAt.ToUnixTimeMilliseconds()));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxJob>> ClaimOutboxJobsAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            // One statement chooses and takes the jobs, so two processes sharing the file cannot both take one:
            // the second sees it running with a lease in the future.
            var command = Prepared(
                "UPDATE crm_outbox SET state = 'running', owner = @owner, lease_until = @lease, due_at = @lease, attempts = attempts + 1 " +
                "WHERE id IN (SELECT id FROM crm_outbox WHERE state IN ('pending', 'running') AND due_at <= @now ORDER BY due_at, id LIMIT @limit) " +
                "RETURNING " + OutboxColumns,
                ("@owner", SqliteType.Text, owner),
                ("@lease", SqliteType.Integer, leaseUntil.ToUnixTimeMilliseconds()),
                ("@now", SqliteType.Integer, now.ToUnixTimeMilliseconds()),
                ("@limit", SqliteType.Integer, limit));
            var jobs = await ReadJobsAsync(command, cancellationToken);
            jobs.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            return jobs;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> CompleteOutboxJobAsync(Guid id, string owner, DateTimeOffset at, string? note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            var command = Prepared(
                "UPDATE crm_outbox SET state = 'done', lease_until = NULL, finished_at = @at, note = @note " +
                "WHERE id = @id AND owner = @owner AND state = 'running'",
                ("@id", SqliteType.Text, SqliteRecordReader.FormatId(id)),
                ("@owner", SqliteType.Text, owner),
                ("@at", SqliteType.Integer, at.ToUnixTimeMilliseconds()),
                ("@note", SqliteType.Text, SqliteRecordReader.ToDb(note)));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> FailOutboxJobAsync(
        Guid id, string owner, string lastError, DateTimeOffset? retryAt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(lastError);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            var command = Prepared(
                "UPDATE crm_outbox SET state = CASE WHEN @retry IS NULL THEN 'dead' ELSE 'pending' END, " +
                "due_at = COALESCE(@retry, due_at), lease_until = NULL, last_error = @error, " +
                "finished_at = CASE WHEN @retry IS NULL THEN @at ELSE NULL END " +
                "WHERE id = @id AND owner = @owner AND state = 'running'",
                ("@id", SqliteType.Text, SqliteRecordReader.FormatId(id)),
                ("@owner", SqliteType.Text, owner),
                ("@error", SqliteType.Text, lastError),
                ("@retry", SqliteType.Integer, retryAt is { } r ? r.ToUnixTimeMilliseconds() : DBNull.Value),
                ("@at", SqliteType.Integer, at.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> RequeueOutboxJobAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                "UPDATE crm_outbox SET state = 'pending', attempts = 0, due_at = @at, lease_until = NULL, owner = NULL, finished_at = NULL " +
                "WHERE id = @id AND state = 'dead'");
            command.Parameters.Add("@id", SqliteType.Text).Value = SqliteRecordReader.FormatId(id);
            command.Parameters.Add("@at", SqliteType.Integer).Value = at.ToUnixTimeMilliseconds();
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<OutboxJob?> GetOutboxJobAsync(Guid id, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {OutboxColumns} FROM crm_outbox WHERE id = @id");
            command.Parameters.Add("@id", SqliteType.Text).Value = SqliteRecordReader.FormatId(id);
            var jobs = await ReadJobsAsync(command, cancellationToken);
            return jobs.Count == 0 ? null : jobs[0];
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxJob>> ListOutboxJobsAsync(
        OutboxJobState? state, Guid? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT {OutboxColumns} FROM crm_outbox WHERE (@state IS NULL OR state = @state) AND (@after IS NULL OR id > @after) ORDER BY id LIMIT @limit");
            command.Parameters.Add("@state", SqliteType.Text).Value = state is { } s ? StateText(s) : DBNull.Value;
            command.Parameters.Add("@after", SqliteType.Text).Value = after is { } a ? SqliteRecordReader.FormatId(a) : DBNull.Value;
            command.Parameters.Add("@limit", SqliteType.Integer).Value = limit;
            return await ReadJobsAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<OutboxJobState, long>> CountOutboxJobsAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            var counts = Enum.GetValues<OutboxJobState>().ToDictionary(s => s, _ => 0L);
            await using var command = CreateCommand("SELECT state, COUNT(*) FROM crm_outbox GROUP BY state");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[ParseState(reader.GetString(0))] = reader.GetInt64(1);
            }

            return counts;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordOutboxEffectAsync(string idempotencyKey, string effect, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentException.ThrowIfNullOrEmpty(effect);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            var command = Prepared(
                "INSERT INTO crm_effects (idempotency_key, effect, recorded_at) VALUES (@key, @effect, @at) ON CONFLICT DO NOTHING",
                ("@key", SqliteType.Text, idempotencyKey),
                ("@effect", SqliteType.Text, effect),
                ("@at", SqliteType.Integer, at.ToUnixTimeMilliseconds()));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<long> CountOutboxEffectsAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT COUNT(*) FROM crm_effects");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static string StateText(OutboxJobState state) => state switch
    {
        OutboxJobState.Pending => "pending",
        OutboxJobState.Running => "running",
        OutboxJobState.Done => "done",
        OutboxJobState.Dead => "dead",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    private static OutboxJobState ParseState(string text) => text switch
    {
        "pending" => OutboxJobState.Pending,
        "running" => OutboxJobState.Running,
        "done" => OutboxJobState.Done,
        "dead" => OutboxJobState.Dead,
        _ => throw new InvalidDataException(text),
    };

    private static async Task<List<OutboxJob>> ReadJobsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<OutboxJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new OutboxJob
            {
                Id = Guid.Parse(reader.GetString(0)),
                Kind = reader.GetString(1),
                Payload = reader.GetString(2),
                IdempotencyKey = reader.GetString(3),
                CorrelationId = reader.IsDBNull(4) ? null : reader.GetString(4),
                State = ParseState(reader.GetString(5)),
                Attempts = reader.GetInt32(6),
                MaxAttempts = reader.GetInt32(7),
                CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
                DueAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                Owner = reader.IsDBNull(10) ? null : reader.GetString(10),
                LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
                FinishedAt = reader.IsDBNull(12) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(12)),
                Note = reader.IsDBNull(13) ? null : reader.GetString(13),
            });
        }

        return jobs;
    }

    /// <summary>The connection's cached command for a hot outbox statement, with every parameter (re)bound.</summary>
    private SqliteCommand Prepared(string sql, params (string Name, SqliteType Type, object Value)[] parameters)
    {
        var command = GetCommand(sql);
        if (command.Parameters.Count == 0)
        {
            foreach (var (name, type, _) in parameters)
            {
                command.Parameters.Add(name, type);
            }
        }

        foreach (var (name, _, value) in parameters)
        {
            command.Parameters[name].Value = value;
        }

        return command;
    }
}
