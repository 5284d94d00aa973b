using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    private const string ScheduleColumns = "key, workflow, entity, record_id, due_at, value";

    /// <inheritdoc />
    public async Task<StoredScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var entries = await ReadScheduleAsync($"SELECT {ScheduleColumns} FROM crm_schedule WHERE key = $1", [Text(key)], cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc />
    public async Task SetScheduleEntryAsync(StoredScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"INSERT INTO crm_schedule ({ScheduleColumns}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET " +
                "workflow = excluded.workflow, entity = excluded.entity, record_id = excluded.record_id, due_at = excluded.due_at, value = excluded.value",
                Text(entry.Key),
                Text(entry.Workflow),
                Text(entry.Entity),
                Uuid(entry.RecordId),
                Instant(entry.DueAt),
                Text(entry.Value));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteScheduleEntryAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("DELETE FROM crm_schedule WHERE key = $1", Text(key));
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredScheduleEntry>> ListDueScheduleEntriesAsync(
        DateTimeOffset dueBy, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadScheduleAsync(
            $"SELECT {ScheduleColumns} FROM crm_schedule WHERE due_at IS NOT NULL AND due_at <= $1 ORDER BY due_at, key LIMIT $2",
            [Instant(dueBy), Integer(limit)],
            cancellationToken);
    }

    private async Task<IReadOnlyList<StoredScheduleEntry>> ReadScheduleAsync(
        string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<StoredScheduleEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new StoredScheduleEntry
                {
                    Key = reader.GetString(0),
                    Workflow = reader.GetString(1),
                    Entity = PostgreSqlRecordReader.ReadText(reader, 2),
                    RecordId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
                    DueAt = PostgreSqlRecordReader.ReadInstant(reader, 4),
                    Value = PostgreSqlRecordReader.ReadText(reader, 5),
                });
            }

            return entries;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }
}
