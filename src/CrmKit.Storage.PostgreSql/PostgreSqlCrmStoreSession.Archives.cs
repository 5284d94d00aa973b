using CrmKit.Core.Storage;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    private const string ArchiveColumns =
        "id, entity, field, schema_version, field_schema, required, reason, archived_values, value_count, archived_at, archived_by, restored_at";

    /// <inheritdoc />
    public async Task SaveArchiveAsync(FieldArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"INSERT INTO crm_field_archives ({ArchiveColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
                Uuid(archive.Id),
                Text(archive.Entity),
                Text(archive.Field),
                Bigint(archive.SchemaVersion),
                Text(archive.FieldSchema),
                Boolean(archive.Required),
                Text(archive.Reason),
                Text(archive.Values),
                Integer(archive.Count),
                Instant(archive.ArchivedAt),
                Text(archive.ArchivedBy),
                Instant(archive.RestoredAt));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<FieldArchive>> GetArchivesAsync(string entity, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            // Ids are UUIDv7, so the id breaks ties between archives made in the same tick in creation order.
            await using var command = CreateCommand(
                $"SELECT {ArchiveColumns} FROM crm_field_archives WHERE entity = $1 ORDER BY archived_at DESC, id DESC", Text(entity));
            var archives = new List<FieldArchive>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                archives.Add(new FieldArchive
                {
                    Id = reader.GetGuid(0),
                    Entity = reader.GetString(1),
                    Field = reader.GetString(2),
                    SchemaVersion = reader.GetInt64(3),
                    FieldSchema = reader.GetString(4),
                    Required = reader.GetBoolean(5),
                    Reason = reader.GetString(6),
                    Values = reader.GetString(7),
                    Count = reader.GetInt32(8),
                    ArchivedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(9)),
                    ArchivedBy = reader.GetString(10),
                    RestoredAt = PostgreSqlRecordReader.ReadInstant(reader, 11),
                });
            }

            return archives;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task MarkArchiveRestoredAsync(Guid id, DateTimeOffset restoredAt, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("UPDATE crm_field_archives SET restored_at = $1 WHERE id = $2", Instant(restoredAt), Uuid(id));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
