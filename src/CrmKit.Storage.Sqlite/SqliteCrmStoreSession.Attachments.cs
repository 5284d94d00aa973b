using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // The attachment metadata, created with the system tables. Ids are canonical lower-case text, so that text order
    // is the order PostgreSQL gives its uuid column.
    private const string AttachmentTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_attachments (
            id TEXT NOT NULL PRIMARY KEY,
            entity TEXT NOT NULL,
            record_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            length INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            store TEXT NOT NULL,
            key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS crm_attachments_record ON crm_attachments (entity, record_id, created_at, id);
        CREATE INDEX IF NOT EXISTS crm_attachments_store ON crm_attachments (store, id);
        """;

    private const string AttachmentColumns =
        "id, entity, record_id, file_name, content_type, length, sha256, store, key, created_at, created_by";

    /// <inheritdoc />
    public async Task InsertAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"INSERT INTO crm_attachments ({AttachmentColumns}) VALUES (@id, @entity, @record, @name, @type, @length, @sha, @store, @key, @at, @by)");
            var p = command.Parameters;
            p.Add("@id", SqliteType.Text).Value = attachment.Id.ToString("D");
            p.Add("@entity", SqliteType.Text).Value = attachment.Entity;
            p.Add("@record", SqliteType.Text).Value = attachment.RecordId.ToString("D");
            p.Add("@name", SqliteType.Text).Value = attachment.FileName;
            p.Add("@type", SqliteType.Text).Value = attachment.ContentType;
            p.Add("@length", SqliteType.Integer).Value = attachment.Length;
            p.Add("@sha", SqliteType.Text).Value = attachment.Sha256;
            p.Add("@store", SqliteType.Text).Value = attachment.Store;
            p.Add("@key", SqliteType.Text).Value = attachment.Key;
            p.Add("@at", SqliteType.Text).Value = CanonicalInstant.ToText(attachment.CreatedAt);
            p.Add("@by", SqliteType.Text).Value = attachment.CreatedBy;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredAttachment?> GetAttachmentAsync(Guid id, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {AttachmentColumns} FROM crm_attachments WHERE id = @id");
            command.Parameters.Add("@id", SqliteType.Text).Value = id.ToString("D");
            var found = await ReadAttachmentsAsync(command, cancellationToken);
            return found.Count == 0 ? null : found[0];
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAttachment>> ListAttachmentsAsync(string entity, Guid recordId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT {AttachmentColumns} FROM crm_attachments WHERE entity = @entity AND record_id = @record ORDER BY created_at, id");
            command.Parameters.Add("@entity", SqliteType.Text).Value = entity;
            command.Parameters.Add("@record", SqliteType.Text).Value = recordId.ToString("D");
            return await ReadAttachmentsAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAttachment>> ListAttachmentsOutsideStoreAsync(
        string notInStore, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(notInStore);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT {AttachmentColumns} FROM crm_attachments WHERE store <> @store AND (@after IS NULL OR id > @after) ORDER BY id LIMIT @limit");
            command.Parameters.Add("@store", SqliteType.Text).Value = notInStore;
            command.Parameters.Add("@after", SqliteType.Text).Value = (object?)afterId?.ToString("D") ?? DBNull.Value;
            command.Parameters.Add("@limit", SqliteType.Integer).Value = limit;
            return await ReadAttachmentsAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> CountAttachmentsByStoreAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT store, COUNT(*) FROM crm_attachments GROUP BY store ORDER BY store");
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return counts;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> MoveAttachmentAsync(Guid id, string fromStore, string toStore, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(fromStore);
        ArgumentException.ThrowIfNullOrEmpty(toStore);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("UPDATE crm_attachments SET store = @to WHERE id = @id AND store = @from");
            command.Parameters.Add("@id", SqliteType.Text).Value = id.ToString("D");
            command.Parameters.Add("@from", SqliteType.Text).Value = fromStore;
            command.Parameters.Add("@to", SqliteType.Text).Value = toStore;
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAttachmentAsync(Guid id, CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("DELETE FROM crm_attachments WHERE id = @id");
            command.Parameters.Add("@id", SqliteType.Text).Value = id.ToString("D");
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredAttachment>> ReadAttachmentsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredAttachment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredAttachment
            {
                Id = Guid.ParseExact(reader.GetString(0), "D"),
                Entity = reader.GetString(1),
                RecordId = Guid.ParseExact(reader.GetString(2), "D"),
                FileName = reader.GetString(3),
                ContentType = reader.GetString(4),
                Length = reader.GetInt64(5),
                Sha256 = reader.GetString(6),
                Store = reader.GetString(7),
                Key = reader.GetString(8),
                CreatedAt = SqliteRecordReader.ParseInstant(reader.GetString(9)),
                CreatedBy = reader.GetString(10),
            });
        }

        return result;
    }
}
