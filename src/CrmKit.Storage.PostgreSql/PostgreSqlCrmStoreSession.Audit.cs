using CrmKit.Core.Storage;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    /// <summary>How many audit entries one INSERT carries (as arrays, one per column).</summary>
    private const int AuditEntriesPerInsert = 1000;

    /// <summary>From how many entries a call appends them with binary COPY (a bulk create's) instead of INSERT.</summary>
    private const int AuditCopyThreshold = 32;

    private const string AuditColumns =
        "seq, entity, record_id, operation, at, user_id, user_name, channel, source, record_version, old_values, new_values";

    /// <inheritdoc />
    /// <remarks>
    /// The entries go as one array per column in one INSERT per thousand entries; the rows are inserted in the list's
    /// order (<c>WITH ORDINALITY ... ORDER BY</c>), so the identity column numbers them in that order.
    /// </remarks>
    public async Task AppendAuditAsync(IReadOnlyList<StoredAuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            if (entries.Count >= AuditCopyThreshold)
            {
                await CopyAuditAsync(entries, cancellationToken);
                return;
            }

            foreach (var chunk in entries.Chunk(AuditEntriesPerInsert))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var command = CreateCommand(
                    """
                    INSERT INTO crm_audit (entity, record_id, operation, at, user_id, user_name, channel, source, record_version, old_values, new_values)
                    SELECT entity, record_id, operation, at, user_id, user_name, channel, source, record_version, old_values, new_values
                    FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[],
                        $10::text[], $11::text[])
                        WITH ORDINALITY AS e (entity, record_id, operation, at, user_id, user_name, channel, source, record_version,
                            old_values, new_values, n)
                    ORDER BY n
                    """,
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.Entity).ToArray()),
                    ArrayOf(NpgsqlDbType.Uuid, chunk.Select(e => e.RecordId).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.Operation).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => CanonicalInstant.ToText(e.At)).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.UserId).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.UserName).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.Channel).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.Source).ToArray()),
                    ArrayOf(NpgsqlDbType.Bigint, chunk.Select(e => e.RecordVersion).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.OldValues).ToArray()),
                    ArrayOf(NpgsqlDbType.Text, chunk.Select(e => e.NewValues).ToArray()));
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>
    /// Appends many entries with one binary COPY in the session's transaction: the cheapest way into the table, which
    /// bulk creates pay once per record. COPY inserts in the list's order, so the identity column numbers them so.
    /// </summary>
    private async Task CopyAuditAsync(IReadOnlyList<StoredAuditEntry> entries, CancellationToken cancellationToken)
    {
        await using var import = await _connection.BeginBinaryImportAsync(
            "COPY crm_audit (entity, record_id, operation, at, user_id, user_name, channel, source, record_version, old_values, new_values) " +
            "FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var entry in entries)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(entry.Entity, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(entry.RecordId, NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(entry.Operation, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(CanonicalInstant.ToText(entry.At), NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(entry.UserId, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(entry.UserName, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(entry.Channel, NpgsqlDbType.Text, cancellationToken);
            await WriteTextOrNullAsync(import, entry.Source, cancellationToken);
            await import.WriteAsync(entry.RecordVersion, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextOrNullAsync(import, entry.OldValues, cancellationToken);
            await WriteTextOrNullAsync(import, entry.NewValues, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static Task WriteTextOrNullAsync(Npgsql.NpgsqlBinaryImporter import, string? value, CancellationToken cancellationToken) =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAuditEntry>> ReadAuditAsync(
        string entity, Guid recordId, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT {AuditColumns} FROM crm_audit WHERE entity = $1 AND record_id = $2 AND seq < $3 ORDER BY seq DESC LIMIT $4",
                Text(entity),
                Uuid(recordId),
                Bigint(before ?? long.MaxValue),
                Integer(limit));
            var result = new List<StoredAuditEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new StoredAuditEntry
                {
                    Sequence = reader.GetInt64(0),
                    Entity = reader.GetString(1),
                    RecordId = reader.GetGuid(2),
                    Operation = reader.GetString(3),
                    At = PostgreSqlRecordReader.ParseInstant(reader.GetString(4)),
                    UserId = reader.GetString(5),
                    UserName = reader.GetString(6),
                    Channel = reader.GetString(7),
                    Source = PostgreSqlRecordReader.ReadText(reader, 8),
                    RecordVersion = reader.GetInt64(9),
                    OldValues = PostgreSqlRecordReader.ReadText(reader, 10),
                    NewValues = PostgreSqlRecordReader.ReadText(reader, 11),
                });
            }

            return result;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<int> PruneAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            // Entries are appended in time order (write sessions run one at a time), so the oldest are the first by seq:
            // everything before the first entry young enough to keep goes, oldest first. This needs no index on "at"
            // (which every append would pay for) and reads no further than the entries it deletes plus one.
            await using var command = CreateCommand(
                """
                DELETE FROM crm_audit WHERE seq IN (
                    SELECT seq FROM crm_audit
                    WHERE seq < coalesce((SELECT seq FROM crm_audit WHERE at >= $1 ORDER BY seq LIMIT 1), 9223372036854775807)
                    ORDER BY seq LIMIT $2)
                """,
                Instant(before),
                Integer(limit));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
