using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
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
            await using var command = CreateCommand($"""
                INSERT INTO crm_field_archives ({ArchiveColumns})
                VALUES (@id, @entity, @field, @schema_version, @field_schema, @required, @reason, @values, @count, @archived_at, @archived_by, @restored_at)
                """);
            var p = command.Parameters;
            p.Add("@id", SqliteType.Text).Value = SqliteRecordReader.FormatId(archive.Id);
            p.Add("@entity", SqliteType.Text).Value = archive.Entity;
            p.Add("@field", SqliteType.Text).Value = archive.Field;
            p.Add("@schema_version", SqliteType.Integer).Value = archive.SchemaVersion;
            p.Add("@field_schema", SqliteType.Text).Value = archive.FieldSchema;
            p.Add("@required", SqliteType.Integer).Value = archive.Required ? 1L : 0L;
            p.Add("@reason", SqliteType.Text).Value = archive.Reason;
            p.Add("@values", SqliteType.Text).Value = archive.Values;
            p.Add("@count", SqliteType.Integer).Value = (long)archive.Count;
            p.Add("@archived_at", SqliteType.Text).Value = CanonicalInstant.ToText(archive.ArchivedAt);
            p.Add("@archived_by", SqliteType.Text).Value = archive.ArchivedBy;
            p.Add("@restored_at", SqliteType.Text).Value = SqliteRecordReader.ToDb(archive.RestoredAt);
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
                $"SELECT {ArchiveColumns} FROM crm_field_archives WHERE entity = @entity ORDER BY archived_at DESC, id DESC");
            command.Parameters.Add("@entity", SqliteType.Text).Value = entity;
            var archives = new List<FieldArchive>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                archives.Add(new FieldArchive
                {
                    Id = Guid.ParseExact(reader.GetString(0), "D"),
                    Entity = reader.GetString(1),
                    Field = reader.GetString(2),
                    SchemaVersion = reader.GetInt64(3),
                    FieldSchema = reader.GetString(4),
                    Required = reader.GetInt64(5) != 0,
                    Reason = reader.GetString(6),
                    Values = reader.GetString(7),
                    Count = reader.GetInt32(8),
                    ArchivedAt = SqliteRecordReader.ParseInstant(reader.GetString(9)),
                    ArchivedBy = reader.GetString(10),
                    RestoredAt = reader.IsDBNull(11) ? null : SqliteRecordReader.ParseInstant(reader.GetString(11)),
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
            await using var command = CreateCommand("UPDATE crm_field_archives SET restored_at = @restored_at WHERE id = @id");
            command.Parameters.Add("@restored_at", SqliteType.Text).Value = CanonicalInstant.ToText(restoredAt);
            command.Parameters.Add("@id", SqliteType.Text).Value = SqliteRecordReader.FormatId(id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
