using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
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
                $"INSERT INTO crm_attachments ({AttachmentColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                Uuid(attachment.Id),
                Text(attachment.Entity),
                Uuid(attachment.RecordId),
                Text(attachment.FileName),
                Text(attachment.ContentType),
                Bigint(attachment.Length),
                Text(attachment.Sha256),
                Text(attachment.Store),
                Text(attachment.Key),
                Instant(attachment.CreatedAt),
                Text(attachment.CreatedBy));
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
            await using var command = CreateCommand($"SELECT {AttachmentColumns} FROM crm_attachments WHERE id = $1", Uuid(id));
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
                $"SELECT {AttachmentColumns} FROM crm_attachments WHERE entity = $1 AND record_id = $2 ORDER BY created_at, id",
                Text(entity), Uuid(recordId));
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
            await using var command = afterId is { } after
                ? CreateCommand(
                    $"SELECT {AttachmentColumns} FROM crm_attachments WHERE store <> $1 AND id > $2 ORDER BY id LIMIT $3",
                    Text(notInStore), Uuid(after), Integer(limit))
                : CreateCommand(
                    $"SELECT {AttachmentColumns} FROM crm_attachments WHERE store <> $1 ORDER BY id LIMIT $2",
                    Text(notInStore), Integer(limit));
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
            await using var command = CreateCommand(
                "UPDATE crm_attachments SET store = $3 WHERE id = $1 AND store = $2", Uuid(id), Text(fromStore), Text(toStore));
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
            await using var command = CreateCommand("DELETE FROM crm_attachments WHERE id = $1", Uuid(id));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredAttachment>> ReadAttachmentsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredAttachment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredAttachment
            {
                Id = reader.GetGuid(0),
                Entity = reader.GetString(1),
                RecordId = reader.GetGuid(2),
                FileName = reader.GetString(3),
                ContentType = reader.GetString(4),
                Length = reader.GetInt64(5),
                Sha256 = reader.GetString(6),
                Store = reader.GetString(7),
                Key = reader.GetString(8),
                CreatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(9)),
                CreatedBy = reader.GetString(10),
            });
        }

        return result;
    }
}
