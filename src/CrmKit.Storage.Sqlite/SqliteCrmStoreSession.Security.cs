using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    // The security directory, its revision counter and the audit trail, created with the system tables.
    private const string SecurityTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_security (
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            document TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS crm_security_revision (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL
        );
        INSERT INTO crm_security_revision (id, revision) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
        CREATE TABLE IF NOT EXISTS crm_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            entity TEXT NOT NULL,
            record_id TEXT NOT NULL,
            operation TEXT NOT NULL,
            at TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_name TEXT NOT NULL,
            channel TEXT NOT NULL,
            source TEXT NULL,
            record_version INTEGER NOT NULL,
            old_values TEXT NULL,
            new_values TEXT NULL
        );
        -- The rowid (seq) ends every index entry, so the entries of one record are already in seq order.
        CREATE INDEX IF NOT EXISTS ix_crm_audit__record ON crm_audit (entity, record_id);
        """;

    private const string SecurityColumns = "kind, id, document, version, updated_at, updated_by";

    private const string AuditColumns =
        "seq, entity, record_id, operation, at, user_id, user_name, channel, source, record_version, old_values, new_values";


    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSecurityObject>> ListSecurityObjectsAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {SecurityColumns} FROM crm_security WHERE kind = @kind ORDER BY id");
            command.Parameters.Add("@kind", SqliteType.Text).Value = kind;
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
            var command = GetCommand($"SELECT {SecurityColumns} FROM crm_security WHERE kind = @kind AND id = @id");
            Bind(command, "@kind", SqliteType.Text, kind);
            Bind(command, "@id", SqliteType.Text, id);
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
                ? $"INSERT INTO crm_security ({SecurityColumns}) VALUES (@kind, @id, @document, 1, @at, @by) ON CONFLICT (kind, id) DO NOTHING"
                : "UPDATE crm_security SET document = @document, version = version + 1, updated_at = @at, updated_by = @by " +
                  "WHERE kind = @kind AND id = @id AND version = @expected";
            await using var command = CreateCommand(sql);
            command.Parameters.Add("@kind", SqliteType.Text).Value = entry.Kind;
            command.Parameters.Add("@id", SqliteType.Text).Value = entry.Id;
            command.Parameters.Add("@document", SqliteType.Text).Value = entry.Document;
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
            await using var command = CreateCommand("DELETE FROM crm_security WHERE kind = @kind AND id = @id AND version = @expected");
            command.Parameters.Add("@kind", SqliteType.Text).Value = kind;
            command.Parameters.Add("@id", SqliteType.Text).Value = id;
            command.Parameters.Add("@expected", SqliteType.Integer).Value = expectedVersion;
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
            var command = GetCommand("SELECT revision FROM crm_security_revision WHERE id = 1");
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

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredAuditEntry>> ReadAuditAsync(
        string entity, Guid recordId, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(
                $"SELECT {AuditColumns} FROM crm_audit WHERE entity = @entity AND record_id = @record AND seq < @before " +
                "ORDER BY seq DESC LIMIT @limit");
            command.Parameters.Add("@entity", SqliteType.Text).Value = entity;
            command.Parameters.Add("@record", SqliteType.Text).Value = SqliteRecordReader.FormatId(recordId);
            command.Parameters.Add("@before", SqliteType.Integer).Value = before ?? long.MaxValue;
            command.Parameters.Add("@limit", SqliteType.Integer).Value = limit;
            var result = new List<StoredAuditEntry>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(new StoredAuditEntry
                {
                    Sequence = reader.GetInt64(0),
                    Entity = reader.GetString(1),
                    RecordId = Guid.Parse(reader.GetString(2)),
                    Operation = reader.GetString(3),
                    At = SqliteRecordReader.ParseInstant(reader.GetString(4)),
                    UserId = reader.GetString(5),
                    UserName = reader.GetString(6),
                    Channel = reader.GetString(7),
                    Source = reader.IsDBNull(8) ? null : reader.GetString(8),
                    RecordVersion = reader.GetInt64(9),
                    OldValues = reader.IsDBNull(10) ? null : reader.GetString(10),
                    NewValues = reader.IsDBNull(11) ? null : reader.GetString(11),
                });
            }

            return result;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<int> PruneAuditAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            // Entries are appended in time order (give or take concurrent transactions), so the oldest are the first by
            // seq: everything before the first entry young enough to keep goes, oldest first. This needs no index on
            // "at" (which every append would pay for) and reads no further than the entries it deletes plus one.
            await using var command = CreateCommand(
                """
                DELETE FROM crm_audit WHERE seq IN (
                    SELECT seq FROM crm_audit
                    WHERE seq < coalesce((SELECT seq FROM crm_audit WHERE at >= @before ORDER BY seq LIMIT 1), 9223372036854775807)
                    ORDER BY seq LIMIT @limit)
                """);
            command.Parameters.Add("@before", SqliteType.Text).Value = CanonicalInstant.ToText(before);
            command.Parameters.Add("@limit", SqliteType.Integer).Value = limit;
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private static void Bind(SqliteCommand command, string name, SqliteType type, object value)
    {
        if (command.Parameters.Contains(name))
        {
            command.Parameters[name].Value = value;
        }
        else
        {
            command.Parameters.Add(name, type).Value = value;
        }
    }

    private static async Task<IReadOnlyList<StoredSecurityObject>> ReadSecurityObjectsAsync(
        SqliteCommand command, CancellationToken cancellationToken)
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
                UpdatedAt = SqliteRecordReader.ParseInstant(reader.GetString(4)),
                UpdatedBy = reader.GetString(5),
            });
        }

        return result;
    }
}
