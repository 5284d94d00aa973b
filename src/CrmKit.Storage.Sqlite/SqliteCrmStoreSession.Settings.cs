using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    /// <inheritdoc />
    public async Task<StoredSetting?> ReadSettingAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT key, value, version, updated_at FROM crm_settings WHERE key = @key");
            command.Parameters.Add("@key", SqliteType.Text).Value = key;
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
                UpdatedAt = SqliteRecordReader.ParseInstant(reader.GetString(3)),
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
            // The version check is the statement's own condition, so the compare-and-set holds for any writer.
            var sql = expectedVersion == 0
                ? "INSERT INTO crm_settings (key, value, version, updated_at) VALUES (@key, @value, 1, @at) ON CONFLICT (key) DO NOTHING"
                : "UPDATE crm_settings SET value = @value, version = version + 1, updated_at = @at WHERE key = @key AND version = @expected";
            await using var command = CreateCommand(sql);
            command.Parameters.Add("@key", SqliteType.Text).Value = key;
            command.Parameters.Add("@value", SqliteType.Text).Value = value;
            command.Parameters.Add("@at", SqliteType.Text).Value = CanonicalInstant.ToText(DateTimeOffset.UtcNow);
            command.Parameters.Add("@expected", SqliteType.Integer).Value = expectedVersion;
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
