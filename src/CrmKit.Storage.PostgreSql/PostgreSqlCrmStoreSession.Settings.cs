using CrmKit.Core.Storage;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    /// <inheritdoc />
    public async Task<StoredSetting?> ReadSettingAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT key, value, version, updated_at FROM crm_settings WHERE key = $1", Text(key));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new StoredSetting
            {
                Key = reader.GetString(0),
                Value = reader.GetString(1),
                Version = reader.GetInt64(2),
                UpdatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(3)),
            };
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task WriteSettingAsync(string key, string value, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        int changed;
        try
        {
            // The version check is the statement's own condition, so the compare-and-set holds for any writer; ON CONFLICT
            // keeps the transaction usable when the setting already exists.
            var sql = expectedVersion == 0
                ? "INSERT INTO crm_settings (key, value, version, updated_at) VALUES ($1, $2, 1, $3) ON CONFLICT (key) DO NOTHING"
                : "UPDATE crm_settings SET value = $2, version = version + 1, updated_at = $3 WHERE key = $1 AND version = $4";
            await using var command = CreateCommand(sql, Text(key), Text(value), Instant(DateTimeOffset.UtcNow));
            if (expectedVersion != 0)
            {
                command.Parameters.Add(Bigint(expectedVersion));
            }

            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        if (changed != 1)
        {
            throw new SettingConcurrencyException(key, expectedVersion);
        }
    }
}
