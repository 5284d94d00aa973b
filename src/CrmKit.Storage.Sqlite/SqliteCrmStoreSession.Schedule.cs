using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    /// <inheritdoc />
    public async Task<StoredScheduleEntry?> GetScheduleEntryAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var entries = await ReadScheduleAsync("SELECT key, workflow, entity, record_id, due_at, value FROM crm_schedule WHERE key = @key",
            p => p.Add("@key", SqliteType.Text).Value = key, cancellationToken);
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
            await using var command = CreateCommand("INSERT OR REPLACE INTO crm_schedule (key, workflow, entity, record_id, due_at, value) " +
                "VALUES (@key, @workflow, @entity, @record, @due, @value)");
            var p = command.Parameters;
            p.Add("@key", SqliteType.Text).Value = entry.Key;
            p.Add("@workflow", SqliteType.Text).Value = entry.Workflow;
            p.Add("@entity", SqliteType.Text).Value = (object?)entry.Entity ?? DBNull.Value;
            p.Add("@record", SqliteType.Text).Value = (object?)entry.RecordId?.ToString("D") ?? DBNull.Value;
            p.Add("@due", SqliteType.Text).Value = entry.DueAt is { } due ? CanonicalInstant.ToText(due) : DBNull.Value;
            p.Add("@value", SqliteType.Text).Value = (object?)entry.Value ?? DBNull.Value;
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
            await using var command = CreateCommand("DELETE FROM crm_schedule WHERE key = @key");
            command.Parameters.Add("@key", SqliteType.Text).Value = key;
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
            "SELECT key, workflow, entity, record_id, due_at, value FROM crm_schedule " +
            "WHERE due_at IS NOT NULL AND due_at <= @due ORDER BY due_at, key LIMIT @limit",
            p =>
            {
                p.Add("@due", SqliteType.Text).Value = CanonicalInstant.ToText(dueBy);
                p.Add("@limit", SqliteType.Integer).Value = limit;
            },
            cancellationToken);
    }

    private async Task<IReadOnlyList<StoredScheduleEntry>> ReadScheduleAsync(
        string sql, Action<SqliteParameterCollection> parameters, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(sql);
            parameters(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<StoredScheduleEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                entries.Add(new StoredScheduleEntry
                {
                    Key = reader.GetString(0),
                    Workflow = reader.GetString(1),
                    Entity = reader.IsDBNull(2) ? null : reader.GetString(2),
                    RecordId = reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
                    DueAt = reader.IsDBNull(4) ? null : SqliteRecordReader.ParseInstant(reader.GetString(4)),
                    Value = reader.IsDBNull(5) ? null : reader.GetString(5),
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
