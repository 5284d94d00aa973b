using System.Runtime.CompilerServices;
using CrmKit.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    /// <summary>How many records one INSERT carries (as arrays, one per column).</summary>
    private const int RecordsPerInsert = 1000;

    /// <summary>How many ids one existence check carries (as one array).</summary>
    private const int IdsPerStatement = 10_000;

    private const string InsertColumns = "id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data_text";

    /// <summary>From how many records an insert goes by binary COPY.</summary>
    private const int RecordCopyThreshold = 32;

    /// <inheritdoc />
    public async Task InsertAsync(EntityStorageModel model, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(records);
        ThrowIfReadOnly();
        if (records.Count == 0)
        {
            return;
        }

        var table = PostgreSqlSql.Table(model.Entity);
        var guard = HasUniqueFields(model);
        ThrowIfUnusable();
        try
        {
            if (records.Count == 1)
            {
                var single = new NpgsqlBatchCommand($"INSERT INTO {table} ({InsertColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)");
                var record = records[0];
                single.Parameters.AddRange(new NpgsqlParameter[]
                {
                    Uuid(record.Id), Bigint(record.Version), Instant(record.CreatedAt), Text(record.CreatedBy), Instant(record.UpdatedAt),
                    Text(record.UpdatedBy), Text(record.OwnerId), Instant(record.DeletedAt), Text(record.Data),
                });
                await ExecuteWriteAsync(model, guard, single, cancellationToken);
                return;
            }

            // A batch goes by binary COPY, the cheapest way in; with unique fields inside a savepoint, so that a clash
            // rolls back only the batch and names its field, as a single INSERT would.
            if (records.Count >= RecordCopyThreshold)
            {
                if (guard)
                {
                    await GuardedCopyRecordsAsync(model, table, records, cancellationToken);
                }
                else
                {
                    await CopyRecordsAsync(table, records, cancellationToken);
                }

                return;
            }

            // A small batch goes as one array per column, unnested into rows: one statement (and one savepoint).
            foreach (var chunk in records.Chunk(RecordsPerInsert))
            {
                var batch = new NpgsqlBatchCommand(
                    $"INSERT INTO {table} ({InsertColumns}) SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], " +
                    "$5::text[], $6::text[], $7::text[], $8::text[], $9::text[])");
                batch.Parameters.AddRange(new NpgsqlParameter[]
                {
                    ArrayOf(NpgsqlDbType.Uuid, chunk.Select(r => r.Id).ToArray()),
                    ArrayOf(NpgsqlDbType.Bigint, chunk.Select(r => r.Version).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => CanonicalInstant.ToText(r.CreatedAt)).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => r.CreatedBy).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => CanonicalInstant.ToText(r.UpdatedAt)).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => r.UpdatedBy).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => r.OwnerId).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => PostgreSqlRecordReader.ToText(r.DeletedAt)).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(r => r.Data).ToArray()),
                });
                cancellationToken.ThrowIfCancellationRequested();
                await ExecuteWriteAsync(model, guard, batch, cancellationToken);
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>COPY inside a savepoint: a unique clash rolls back to it (the session stays usable) and names the field.</summary>
    private async Task GuardedCopyRecordsAsync(EntityStorageModel model, string table, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        await using (var savepoint = CreateCommand("SAVEPOINT crm_statement"))
        {
            await savepoint.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await CopyRecordsAsync(table, records, cancellationToken);
        }
        catch (PostgresException e)
        {
            await RollbackStatementAsync(e);
            if (UniqueViolationOf(model, e) is { } unique)
            {
                throw unique;
            }

            throw;
        }

        await using var release = CreateCommand("RELEASE SAVEPOINT crm_statement");
        await release.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CopyRecordsAsync(string table, IReadOnlyList<StoredRecord> records, CancellationToken cancellationToken)
    {
        await using var import = await _connection.BeginBinaryImportAsync(
            $"COPY {table} ({InsertColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(record.Id, NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(record.Version, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(CanonicalInstant.ToText(record.CreatedAt), NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(record.CreatedBy, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(CanonicalInstant.ToText(record.UpdatedAt), NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(record.UpdatedBy, NpgsqlDbType.Text, cancellationToken);
            await WriteTextOrNullAsync(import, record.OwnerId, cancellationToken);
            await WriteTextOrNullAsync(import, PostgreSqlRecordReader.ToText(record.DeletedAt), cancellationToken);
            await import.WriteAsync(record.Data, NpgsqlDbType.Text, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(EntityStorageModel model, StoredRecord record, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(record);
        ThrowIfReadOnly();
        cancellationToken.ThrowIfCancellationRequested();
        var statement = new NpgsqlBatchCommand(
            $"""
            UPDATE {PostgreSqlSql.Table(model.Entity)} SET version = $2, created_at = $3, created_by = $4, updated_at = $5,
                updated_by = $6, owner_id = $7, deleted_at = $8, data_text = $9
            WHERE id = $1 AND version = $10
            """);
        statement.Parameters.AddRange(new NpgsqlParameter[]
        {
            Uuid(record.Id), Bigint(record.Version), Instant(record.CreatedAt), Text(record.CreatedBy), Instant(record.UpdatedAt),
            Text(record.UpdatedBy), Text(record.OwnerId), Instant(record.DeletedAt), Text(record.Data), Bigint(expectedVersion),
        });
        ThrowIfUnusable();
        try
        {
            return await ExecuteWriteAsync(model, HasUniqueFields(model), statement, cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredRecord?> GetAsync(EntityStorageModel model, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sql = $"SELECT {PostgreSqlSql.RecordColumns} FROM {PostgreSqlSql.Table(model.Entity)} WHERE id = $1";
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(sql, Uuid(id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? PostgreSqlRecordReader.Read(reader) : null;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> FindExistingAsync(EntityStorageModel model, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<Guid>();
        var sql = $"SELECT id FROM {PostgreSqlSql.Table(model.Entity)} WHERE deleted_at IS NULL AND id = ANY ($1)";
        ThrowIfUnusable();
        try
        {
            foreach (var chunk in ids.Distinct().Chunk(IdsPerStatement))
            {
                await using var command = CreateCommand(sql, ArrayOf(NpgsqlDbType.Uuid, chunk));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add(reader.GetGuid(0));
                }
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        return found;
    }

    /// <inheritdoc />
    /// <remarks>The rows stream from one statement; the session runs no other statement until the enumeration ends.</remarks>
    public async IAsyncEnumerable<StoredRecord> ScanAsync(EntityStorageModel model, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sql = $"SELECT {PostgreSqlSql.RecordColumns} FROM {PostgreSqlSql.Table(model.Entity)} ORDER BY id";
        await using var command = CreateCommand(sql);
        await using var reader = await ExecuteScanAsync(command, cancellationToken);
        while (await ReadScanAsync(reader, cancellationToken))
        {
            yield return PostgreSqlRecordReader.Read(reader);
        }
    }

    private static bool HasUniqueFields(EntityStorageModel model) => model.Fields.Any(f => f.Unique);

    private static NpgsqlParameter ArrayOf<T>(NpgsqlDbType elementType, T[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };

    private async Task<NpgsqlDataReader> ExecuteScanAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteReaderAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private async Task<bool> ReadScanAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
