using CrmKit.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql;

public sealed partial class PostgreSqlCrmStoreSession
{
    private const string SchemaColumns = "entity, version, schema, changed_at, changed_by, diff";

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredSchema>> LoadSchemasAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("""
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
    public async Task<long?> GetSchemaVersionAsync(string entity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(entity);
        ThrowIfUnusable();
        try
        {
            await using var command = CreateCommand("SELECT current_version FROM crm_entities WHERE entity = $1", Text(entity));
            return await command.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull
                ? Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture)
                : null;
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
                versions[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
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
                ? "INSERT INTO crm_entities (entity, current_version) VALUES ($1, 1) ON CONFLICT (entity) DO NOTHING"
                : "UPDATE crm_entities SET current_version = $2 WHERE entity = $1 AND current_version = $2 - 1";
            await using (var command = CreateCommand(advance, Text(schema.Entity), Bigint(schema.Version)))
            {
                if (schema.Version < 1 || await command.ExecuteNonQueryAsync(cancellationToken) != 1)
                {
                    throw new MetadataConcurrencyException(schema.Entity, schema.Version);
                }
            }

            // A leftover row for this version (history is append-only) means the sequence is broken; ON CONFLICT keeps
            // the transaction usable, as SQLite's aborted statement does.
            await using var insert = CreateCommand(
                $"INSERT INTO crm_schema_versions ({SchemaColumns}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (entity, version) DO NOTHING",
                Text(schema.Entity),
                Bigint(schema.Version),
                Text(schema.Schema),
                Text(CanonicalInstant.ToText(schema.ChangedAt)),
                Text(schema.ChangedBy),
                Text(schema.Diff));
            if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
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
            await using var command = CreateCommand($"SELECT {SchemaColumns} FROM crm_schema_versions WHERE entity = $1 ORDER BY version", Text(entity));
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
        var table = PostgreSqlSql.Table(model.Entity);
        var wanted = PostgreSqlIndexDefinitions.For(model);
        ThrowIfUnusable();
        try
        {
            // A table that exists already may hold many rows: its new plain field indexes are built after the commit,
            // without blocking writes (CREATE INDEX CONCURRENTLY, see PostgreSqlIndexBuilder). A new table's indexes, and
            // unique indexes (the change must fail when existing values clash), are built here.
            var tableIsNew = !await TableExistsAsync(table, cancellationToken);

            // Instants are canonical text (seven fraction digits; timestamptz keeps six) compared ordinally, so text order
            // is time order. data_text is the JSON exactly as Core wrote it (decimals, spacing, key order); data is the
            // same document as jsonb, computed by PostgreSQL, which every query and index reads.
            await using (var create = CreateCommand($"""
                CREATE TABLE IF NOT EXISTS {table} (
                    id uuid NOT NULL PRIMARY KEY,
                    version bigint NOT NULL,
                    created_at text COLLATE "C" NOT NULL,
                    created_by text COLLATE "C" NOT NULL,
                    updated_at text COLLATE "C" NOT NULL,
                    updated_by text COLLATE "C" NOT NULL,
                    owner_id text COLLATE "C" NULL,
                    deleted_at text COLLATE "C" NULL,
                    data_text text NOT NULL,
                    data jsonb NOT NULL GENERATED ALWAYS AS (data_text::jsonb) STORED)
                """))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var existing = await ReadIndexesAsync(table, cancellationToken);
            var builds = await ReadIndexBuildsAsync(model.Entity, cancellationToken);
            foreach (var (name, comment) in existing.ToList())
            {
                if (wanted.TryGetValue(name, out var definition) && string.Equals(comment, Comment(definition), StringComparison.Ordinal))
                {
                    continue;
                }

                // An index a background build is working on (invalid until it ends) is the builder's to finish, replace
                // or drop: dropping it here would wait for the build, holding the write lock.
                if (builds.TryGetValue(name, out var build) && PostgreSqlIndexBuilds.IsActive(build.State))
                {
                    continue;
                }

                // An index whose definition changed (say the field became money), or that a failed build left invalid, is
                // rebuilt.
                await using var drop = CreateCommand("DROP INDEX " + PostgreSqlSql.Quote(name));
                await drop.ExecuteNonQueryAsync(cancellationToken);
                existing.Remove(name);
            }

            foreach (var (name, definition) in wanted)
            {
                var active = builds.TryGetValue(name, out var build) && PostgreSqlIndexBuilds.IsActive(build.State);
                if (existing.ContainsKey(name) && !active)
                {
                    continue;
                }

                if (!active && (tableIsNew || definition.Unique))
                {
                    await CreateIndexAsync(model, definition, cancellationToken);
                }
                else if (!active || build!.Definition != definition.Sql)
                {
                    await RequestIndexBuildAsync(model.Entity, definition, cancellationToken);
                }
            }

            await ForgetIndexBuildsAsync(model.Entity, builds.Keys.Where(name => !wanted.ContainsKey(name)), cancellationToken);
        }
        catch (Exception e) when (Fault(e))
        {
            throw;
        }
    }

    /// <summary>Creates one field index and stores its definition as its comment.</summary>
    private async Task CreateIndexAsync(EntityStorageModel model, PostgreSqlIndexDefinition definition, CancellationToken cancellationToken)
    {
        // TODO(issue 6): CONCURRENTLY. CREATE INDEX CONCURRENTLY cannot run inside a transaction, and this runs in the
        // session's; until indexes are built outside it, the build holds a SHARE lock on the table (writes wait, reads
        // go on) for as long as it takes.
        var statement = new NpgsqlBatchCommand(definition.Sql);
        try
        {
            // A unique index over live records that already share a value fails; the savepoint keeps the session usable.
            await ExecuteWriteAsync(model, guard: definition.Unique, statement, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && definition.Unique)
        {
            throw new UniqueConstraintException(model.Entity, definition.Field, e);
        }

        await using var comment = CreateCommand($"COMMENT ON INDEX {PostgreSqlSql.Quote(definition.Name)} IS {PostgreSqlSql.Literal(Comment(definition))}");
        await comment.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Comment(PostgreSqlIndexDefinition definition) => PostgreSqlIndexDefinitions.CommentPrefix + definition.Sql;

    /// <summary>Reads the field indexes of a table with their comments (null for an invalid index, so it is rebuilt).</summary>
    private async Task<Dictionary<string, string?>> ReadIndexesAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(
            """
            SELECT c.relname, CASE WHEN i.indisvalid THEN obj_description(c.oid, 'pg_class') END
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = to_regclass($1) AND NOT i.indisprimary
            """,
            Text(table));
        var indexes = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (PostgreSqlSql.IsFieldIndex(name))
            {
                indexes[name] = PostgreSqlRecordReader.ReadText(reader, 1);
            }
        }

        return indexes;
    }

    private static async Task<IReadOnlyList<StoredSchema>> ReadSchemasAsync(NpgsqlCommand command, CancellationToken cancellationToken)
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
                ChangedAt = PostgreSqlRecordReader.ParseInstant(reader.GetString(3)),
                ChangedBy = reader.GetString(4),
                Diff = reader.GetString(5),
            });
        }

        return schemas;
    }
}
