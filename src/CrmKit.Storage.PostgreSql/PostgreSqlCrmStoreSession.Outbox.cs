using CrmKit.Core.Outbox;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    // The outbox's instants are timestamptz cut to whole milliseconds (the precision the SQLite store keeps). For a
    // running job due_at is its lease expiry, so one partial index serves due pending jobs and expired leases alike.
    // Claims and completions are correct on their own, without the store's write lock: a claim locks the rows it takes
    // (FOR UPDATE SKIP LOCKED, so concurrent claimers take different jobs and never wait for each other), and every
    // later change of a job is conditioned on its owner and state.

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
            await using var command = CreateCommand(
                "INSERT INTO crm_outbox (id, kind, payload, idempotency_key, correlation_id, state, attempts, max_attempts, created_at, due_at) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                Uuid(job.Id),
                Text(job.Kind),
                Text(job.Payload),
                Text(job.IdempotencyKey),
                Text(job.CorrelationId),
                Text(StateText(job.State)),
                Integer(job.Attempts),
                Integer(job.MaxAttempts),
                Timestamp(job.CreatedAt),
                Timestamp(job.DueAt));
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
            // One statement chooses and takes the jobs. The rows it chooses are locked until this transaction ends and
            // skipped by any other claimer meanwhile; a row another claimer changed and committed since this statement's
            // snapshot is re-checked against the condition (READ COMMITTED), so a job whose lease was just renewed is left.
            await using var command = CreateCommand(
                "UPDATE crm_outbox o SET state = 'running', owner = $1, lease_until = $2, due_at = $2, attempts = o.attempts + 1 " +
                "FROM (SELECT id FROM crm_outbox WHERE state IN ('pending', 'running') AND due_at <= $3 " +
                "ORDER BY due_at, id LIMIT $4 FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id " +
                "RETURNING " + string.Join(", ", OutboxColumns.Split(", ").Select(c => "o." + c)),
                Text(owner),
                Timestamp(leaseUntil),
                Timestamp(now),
                Integer(limit));
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
            await using var command = CreateCommand(
                "UPDATE crm_outbox SET state = 'done', lease_until = NULL, finished_at = $3, note = $4 " +
                "WHERE id = $1 AND owner = $2 AND state = 'running'",
                Uuid(id),
                Text(owner),
                Timestamp(at),
                Text(note));
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
            await using var command = CreateCommand(
                "UPDATE crm_outbox SET state = CASE WHEN $4::timestamptz IS NULL THEN 'dead' ELSE 'pending' END, " +
                "due_at = COALESCE($4, due_at), lease_until = NULL, last_error = $3, " +
                "finished_at = CASE WHEN $4::timestamptz IS NULL THEN $5 END " +
                "WHERE id = $1 AND owner = $2 AND state = 'running'",
                Uuid(id),
                Text(owner),
                Text(lastError),
                Timestamp(retryAt),
                Timestamp(at));
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
                "UPDATE crm_outbox SET state = 'pending', attempts = 0, due_at = $2, lease_until = NULL, owner = NULL, finished_at = NULL " +
                "WHERE id = $1 AND state = 'dead'",
                Uuid(id),
                Timestamp(at));
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
            await using var command = CreateCommand($"SELECT {OutboxColumns} FROM crm_outbox WHERE id = $1", Uuid(id));
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
                $"SELECT {OutboxColumns} FROM crm_outbox WHERE ($1::text IS NULL OR state = $1) AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3",
                Text(state is { } s ? StateText(s) : null),
                Uuid(after),
                Integer(limit));
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
            await using var command = CreateCommand("SELECT state, count(*) FROM crm_outbox GROUP BY state");
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
            await using var command = CreateCommand(
                "INSERT INTO crm_effects (idempotency_key, effect, recorded_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                Text(idempotencyKey),
                Text(effect),
                Timestamp(at));
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
            await using var command = CreateCommand("SELECT count(*) FROM crm_effects");
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

    private static async Task<List<OutboxJob>> ReadJobsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var jobs = new List<OutboxJob>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(new OutboxJob
            {
                Id = reader.GetGuid(0),
                Kind = reader.GetString(1),
                Payload = reader.GetString(2),
                IdempotencyKey = reader.GetString(3),
                CorrelationId = PostgreSqlRecordReader.ReadText(reader, 4),
                State = ParseState(reader.GetString(5)),
                Attempts = reader.GetInt32(6),
                MaxAttempts = reader.GetInt32(7),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
                DueAt = reader.GetFieldValue<DateTimeOffset>(9),
                Owner = PostgreSqlRecordReader.ReadText(reader, 10),
                LastError = PostgreSqlRecordReader.ReadText(reader, 11),
                FinishedAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                Note = PostgreSqlRecordReader.ReadText(reader, 13),
            });
        }

        return jobs;
    }
}
