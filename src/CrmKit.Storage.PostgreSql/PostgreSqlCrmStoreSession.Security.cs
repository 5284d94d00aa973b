using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    private const string SecurityColumns = "kind, id, document, version, updated_at, updated_by";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSecurityObject>> ListSecurityObjectsAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {SecurityColumns} FROM crm_security WHERE kind = $1 ORDER BY id", Text(kind));
            return await ReadSecurityObjectsAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<StoredSecurityObject?> ReadSecurityObjectAsync(string kind, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {SecurityColumns} FROM crm_security WHERE kind = $1 AND id = $2", Text(kind), Text(id));
            var found = await ReadSecurityObjectsAsync(command, cancellationToken);
            return found.Count == 0 ? null : found[0];
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task WriteSecurityObjectAsync(StoredSecurityObject entry, long expectedVersion, CancellationToken cancellationToken)
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
                ? $"INSERT INTO crm_security ({SecurityColumns}) VALUES ($1, $2, $3, 1, $4, $5) ON CONFLICT (kind, id) DO NOTHING"
                : "UPDATE crm_security SET document = $3, version = version + 1, updated_at = $4, updated_by = $5 " +
                  "WHERE kind = $1 AND id = $2 AND version = $6";
            await using var command = CreateCommand(
                sql, Text(entry.Kind), Text(entry.Id), Text(entry.Document), Instant(entry.UpdatedAt), Text(entry.UpdatedBy));
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
            throw new SecurityObjectConcurrencyException(entry.Kind, entry.Id, expectedVersion);
        }
    }

    /// <inheritdoc />
    public async Task DeleteSecurityObjectAsync(string kind, string id, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(id);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        int changed;
        try
        {
            await using var command = CreateCommand(
                "DELETE FROM crm_security WHERE kind = $1 AND id = $2 AND version = $3", Text(kind), Text(id), Bigint(expectedVersion));
            changed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }

        if (changed != 1)
        {
            throw new SecurityObjectConcurrencyException(kind, id, expectedVersion);
        }
    }

    /// <inheritdoc />
    public async Task<long> ReadSecurityRevisionAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT revision FROM crm_security_revision WHERE id = 1");
            return await command.ExecuteScalarAsync(cancellationToken) is long revision ? revision : 0;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<long> IncrementSecurityRevisionAsync(CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("UPDATE crm_security_revision SET revision = revision + 1 WHERE id = 1 RETURNING revision");
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static async Task<IReadOnlyList<StoredSecurityObject>> ReadSecurityObjectsAsync(
        NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoredSecurityObject>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoredSecurityObject
            {
                Kind = reader.GetString(0),
                Id = reader.GetString(1),
                Document = reader.GetString(2),
                Version = reader.GetInt64(3),
                UpdatedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(4)),
                UpdatedBy = reader.GetString(5),
            });
        }

        return result;
    }
}
