using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // The template tables (CREATE TABLE IF NOT EXISTS ...), created with the system tables.
    private const string TemplateTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_templates (
            name TEXT NOT NULL,
            locale TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            description TEXT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (name, locale)
        ) WITHOUT ROWID;
        """;

    private const string TemplateColumns = "name, locale, kind, source, description, version, updated_at, updated_by";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredTemplate>> ListTemplatesAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {TemplateColumns} FROM crm_templates ORDER BY name, locale");
            return await ReadTemplatesAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredTemplate?> ReadTemplateAsync(string name, string locale, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(locale);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {TemplateColumns} FROM crm_templates WHERE name = @name AND locale = @locale");
            command.Parameters.Add("@name", SqliteType.Text).Value = name;
            command.Parameters.Add("@locale", SqliteType.Text).Value = locale;
            var found = await ReadTemplatesAsync(command, cancellationToken);
            return found.Count == 0 ? null : found[0];
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task WriteTemplateAsync(StoredTemplate entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        int changed;
        try
        {
            // The version check is the statement's own condition, so the compare-and-set holds for any writer.
            var sql = expectedVersion == 0
                ? $"INSERT INTO crm_templates ({TemplateColumns}) VALUES (@name, @locale, @kind, @source, @description, 1, @at, @by) " +
                  "ON CONFLICT (name, locale) DO NOTHING"
                : "UPDATE crm_templates SET kind = @kind, source = @source, description = @description, version = version + 1, " +
                  "updated_at = @at, updated_by = @by WHERE name = @name AND locale = @locale AND version = @expected";
            await using var command = CreateCommand(sql);
            command.Parameters.Add("@name", SqliteType.Text).Value = entry.Name;
            command.Parameters.Add("@locale", SqliteType.Text).Value = entry.Locale;
            command.Parameters.Add("@kind", SqliteType.Text).Value = entry.Kind;
            command.Parameters.Add("@source", SqliteType.Text).Value = entry.Source;
            command.Parameters.Add("@description", SqliteType.Text).Value = (object?)entry.Description ?? DBNull.Value;
            command.Parameters.Add("@at", SqliteType.Text).Value = CanonicalInstant.ToText(entry.UpdatedAt);
            command.Parameters.Add("@by", SqliteType.Text).Value = entry.UpdatedBy;
            command.Parameters.Add("@expected", SqliteType.Integer).Value = expectedVersion;
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        if (changed != 1)
        {
            throw new TemplateConcurrencyException(entry.Name, entry.Locale, expectedVersion);
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteTemplateAsync(string name, string? locale, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(locale is null
                ? "DELETE FROM crm_templates WHERE name = @name"
                : "DELETE FROM crm_templates WHERE name = @name AND locale = @locale");
            command.Parameters.Add("@name", SqliteType.Text).Value = name;
            command.Parameters.Add("@locale", SqliteType.Text).Value = (object?)locale ?? DBNull.Value;
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredTemplate>> ReadTemplatesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredTemplate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredTemplate
            {
                Name = reader.GetString(0),
                Locale = reader.GetString(1),
                Kind = reader.GetString(2),
                Source = reader.GetString(3),
                Description = reader.IsDBNull(4) ? null : reader.GetString(4),
                Version = reader.GetInt64(5),
                UpdatedAt = SqliteRecordReader.ParseInstant(reader.GetString(6)),
                UpdatedBy = reader.GetString(7),
            });
        }

        return result;
    }
}
