using System.Globalization;
using CrmKit.Core.Storage;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite;

public sealed partial class SqliteCrmStoreSession
{
    private const string SystemTablesSql = """
        CREATE TABLE IF NOT EXISTS crm_meta (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS crm_entities (
            entity TEXT NOT NULL PRIMARY KEY,
            current_version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS crm_schema_versions (
            entity TEXT NOT NULL,
            version INTEGER NOT NULL,
            schema TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            diff TEXT NOT NULL,
            PRIMARY KEY (entity, version));
        CREATE TABLE IF NOT EXISTS crm_field_archives (
            id TEXT NOT NULL PRIMARY KEY,
            entity TEXT NOT NULL,
            field TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            field_schema TEXT NOT NULL,
            required INTEGER NOT NULL,
            reason TEXT NOT NULL,
            archived_values TEXT NOT NULL,
            value_count INTEGER NOT NULL,
            archived_at TEXT NOT NULL,
            archived_by TEXT NOT NULL,
            restored_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_crm_field_archives__entity ON crm_field_archives (entity, archived_at);
        CREATE TABLE IF NOT EXISTS crm_settings (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL);
        INSERT INTO crm_meta (key, value) VALUES ('storage_format', @format) ON CONFLICT (key) DO NOTHING;
        SELECT value FROM crm_meta WHERE key = 'storage_format';
        """;

    private const string SchemaColumns = "entity, version, schema, changed_at, changed_by, diff";

    /// <summary>Creates the system tables when missing and checks the storage format.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    internal async Task InitializeSchemaAsync(CancellationToken cancellationToken)
    {
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand(SystemTablesSql);
            command.Parameters.AddWithValue("@format", SqliteCrmStore.StorageFormatVersion.ToString(CultureInfo.InvariantCulture));
            var format = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? string.Empty;
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var found) || found > SqliteCrmStore.StorageFormatVersion)
            {
                throw new NotSupportedException(SqliteStoreMessages.NewerStorageFormat(format, SqliteCrmStore.StorageFormatVersion));
            }

            // The tables of the other store areas, each declared in its own partial file.
            foreach (var sql in (string[])[OutboxTablesSql, WorkflowTablesSql, TemplateTablesSql, WorkflowRunTablesSql, SecurityTablesSql, AttachmentTablesSql])
            {
                if (sql.Length > 0)
                {
                    await using var tables = CreateCommand(sql);
                    await tables.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSchema>> LoadSchemasAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"""
                SELECT v.entity, v.version, v.schema, v.changed_at, v.changed_by, v.diff
                FROM crm_entities e JOIN crm_schema_versions v ON v.entity = e.entity AND v.version = e.current_version
                ORDER BY e.entity
                """);
            return await ReadSchemasAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public Task<long?> GetSchemaVersionAsync(string entity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ThrowIfUnusable();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A prepared statement, run synchronously: every record write runs it once.
            var command = GetCommand("SELECT current_version FROM crm_entities WHERE entity = @entity");
            if (command.Parameters.Count == 0)
            {
                command.Parameters.Add("@entity", SqliteType.Text);
            }

            command.Parameters[0].Value = entity;
            return Task.FromResult(command.ExecuteScalar() is long version ? version : (long?)null);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, long>> GetSchemaVersionsAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT entity, current_version FROM crm_entities");
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                versions[reader.GetString(0)] = reader.GetInt64(1);
            }

            return versions;
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task SaveSchemaAsync(StoredSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            // Moving the entity's current version is the compare-and-set: it changes a row only when the new version
            // directly follows the stored one (or creates the entity at version 1).
            var advance = schema.Version == 1
                ? "INSERT INTO crm_entities (entity, current_version) VALUES (@entity, 1) ON CONFLICT (entity) DO NOTHING"
                : "UPDATE crm_entities SET current_version = @version WHERE entity = @entity AND current_version = @version - 1";
            await using (var command = CreateCommand(advance))
            {
                command.Parameters.Add("@entity", SqliteType.Text).Value = schema.Entity;
                command.Parameters.Add("@version", SqliteType.Integer).Value = schema.Version;
                if (schema.Version < 1 || await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new MetadataConcurrencyException(schema.Entity, schema.Version);
                }
            }

            await using var insert = CreateCommand(
                $"INSERT INTO crm_schema_versions ({SchemaColumns}) VALUES (@entity, @version, @schema, @changed_at, @changed_by, @diff)");
            insert.Parameters.Add("@entity", SqliteType.Text).Value = schema.Entity;
            insert.Parameters.Add("@version", SqliteType.Integer).Value = schema.Version;
            insert.Parameters.Add("@schema", SqliteType.Text).Value = schema.Schema;
            insert.Parameters.Add("@changed_at", SqliteType.Text).Value = CanonicalInstant.ToText(schema.ChangedAt);
            insert.Parameters.Add("@changed_by", SqliteType.Text).Value = schema.ChangedBy;
            insert.Parameters.Add("@diff", SqliteType.Text).Value = schema.Diff;
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
            {
                // A leftover row for this version (history is append-only) means the sequence is broken.
                throw new MetadataConcurrencyException(schema.Entity, schema.Version);
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSchema>> GetSchemaHistoryAsync(string entity, CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand($"SELECT {SchemaColumns} FROM crm_schema_versions WHERE entity = @entity ORDER BY version");
            command.Parameters.Add("@entity", SqliteType.Text).Value = entity;
            return await ReadSchemasAsync(command, cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <inheritdoc />
    public async Task EnsureEntityStorageAsync(EntityStorageModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ThrowIfReadOnly();
        ThrowIfUnusable();
        try
        {
            var tableName = SqliteSql.TableName(model.Entity);

            // A rowid table (rather than WITHOUT ROWID) measured faster for inserts of JSON rows of a few hundred bytes,
            // with the same speed for lookups by id.
            var statement = new SqliteStatement().Append($"""
                CREATE TABLE IF NOT EXISTS {SqliteSql.Quote(tableName)} (
                    id TEXT NOT NULL PRIMARY KEY,
                    version INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    owner_id TEXT NULL,
                    deleted_at TEXT NULL,
                    data TEXT NOT NULL)
                """);
            await ExecuteNonQueryAsync(statement, cancellationToken);

            var wanted = SqliteIndexDefinitions.For(model);
            var existing = await ReadIndexesAsync(tableName, cancellationToken);
            var indexPrefix = SqliteSql.IndexPrefix(model.Entity);
            var uniquePrefix = SqliteSql.UniqueIndexPrefix(model.Entity);
            foreach (var (name, sql) in existing.ToList())
            {
                var ours = name.StartsWith(indexPrefix, StringComparison.Ordinal) || name.StartsWith(uniquePrefix, StringComparison.Ordinal);

                // An index whose definition changed (say the field became money) is rebuilt.
                if (ours && (!wanted.TryGetValue(name, out var wantedSql) || !string.Equals(wantedSql, sql, StringComparison.Ordinal)))
                {
                    await ExecuteNonQueryAsync(new SqliteStatement().Append("DROP INDEX " + SqliteSql.Quote(name)), cancellationToken);
                    existing.Remove(name);
                }
            }

            foreach (var (name, sql) in wanted)
            {
                if (existing.ContainsKey(name))
                {
                    continue;
                }

                try
                {
                    await ExecuteNonQueryAsync(new SqliteStatement().Append(sql), cancellationToken);
                }
                catch (SqliteException e) when (MapUniqueViolation(model.Entity, e) is { } unique)
                {
                    // Live records already share a value of a field that is becoming unique.
                    throw unique;
                }
            }
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    private async Task<Dictionary<string, string>> ReadIndexesAsync(string tableName, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL");
        command.Parameters.Add("@table", SqliteType.Text).Value = tableName;
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes[reader.GetString(0)] = reader.GetString(1);
        }

        return indexes;
    }

    private static async Task<IReadOnlyList<StoredSchema>> ReadSchemasAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var schemas = new List<StoredSchema>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            schemas.Add(new StoredSchema
            {
                Entity = reader.GetString(0),
                Version = reader.GetInt64(1),
                Schema = reader.GetString(2),
                ChangedAt = SqliteRecordReader.ParseInstant(reader.GetString(3)),
                ChangedBy = reader.GetString(4),
                Diff = reader.GetString(5),
            });
        }

        return schemas;
    }
}
