using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
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
            await using var command = CreateCommand(
                $"SELECT {TemplateColumns} FROM crm_templates WHERE name = $1 AND locale = $2", Text(name), Text(locale));
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
                ? $"INSERT INTO crm_templates ({TemplateColumns}) VALUES ($1, $2, $3, $4, $5, 1, $6, $7) ON CONFLICT (name, locale) DO NOTHING"
                : "UPDATE crm_templates SET kind = $3, source = $4, description = $5, version = version + 1, updated_at = $6, updated_by = $7 " +
                  "WHERE name = $1 AND locale = $2 AND version = $8";
            await using var command = CreateCommand(
                sql,
                Text(entry.Name),
                Text(entry.Locale),
                Text(entry.Kind),
                Text(entry.Source),
                Text(entry.Description),
                Instant(entry.UpdatedAt),
                Text(entry.UpdatedBy));
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
            await using var command = locale is null
                ? CreateCommand("DELETE FROM crm_templates WHERE name = $1", Text(name))
                : CreateCommand("DELETE FROM crm_templates WHERE name = $1 AND locale = $2", Text(name), Text(locale));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredTemplate>> ReadTemplatesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                Description = PostgreSqlRecordReader.ReadText(reader, 4),
                Version = reader.GetInt64(5),
                UpdatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(6)),
                UpdatedBy = reader.GetString(7),
            });
        }

        return result;
    }
}
