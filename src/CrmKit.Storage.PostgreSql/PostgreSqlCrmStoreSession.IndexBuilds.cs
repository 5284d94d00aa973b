namespace CrmKit.Storage.PostgreSql;

/// <summary>The requests for background index builds a metadata change leaves in <c>crm_index_builds</c>.</summary>
public sealed partial class PostgreSqlCrmStoreSession
{
    /// <summary>Whether this session asked for a background index build (the builder is woken when it commits).</summary>
    internal bool RequestedIndexBuilds { get; private set; }

    private async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand("SELECT to_regclass($1) IS NOT NULL", Text(table));
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Reads the entity's rows of <c>crm_index_builds</c>: index name to definition and state.</summary>
    private async Task<Dictionary<string, (string Definition, string State)>> ReadIndexBuildsAsync(string entity, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand("SELECT index_name, definition, state FROM crm_index_builds WHERE entity = $1", Text(entity));
        var builds = new Dictionary<string, (string Definition, string State)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            builds[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return builds;
    }

    /// <summary>Queues a build of the index (or its rebuild with a new definition), visible once the session commits.</summary>
    private async Task RequestIndexBuildAsync(string entity, PostgreSqlIndexDefinition definition, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(
            """
            INSERT INTO crm_index_builds (index_name, entity, field, definition, state, requested_at)
            VALUES ($1, $2, $3, $4, 'pending', now())
            ON CONFLICT (index_name) DO UPDATE SET entity = excluded.entity, field = excluded.field,
                definition = excluded.definition, state = 'pending', requested_at = excluded.requested_at,
                started_at = NULL, finished_at = NULL, builder_pid = NULL, error = NULL
            """,
            Text(definition.Name), Text(entity), Text(definition.Field), Text(definition.Sql));
        await command.ExecuteNonQueryAsync(cancellationToken);
        RequestedIndexBuilds = true;
    }

    /// <summary>Removes the rows of indexes the entity no longer wants (a builder still at work drops what it built).</summary>
    private async Task ForgetIndexBuildsAsync(string entity, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var unwanted = names.ToArray();
        if (unwanted.Length == 0)
        {
            return;
        }

        await using var command = CreateCommand(
            "DELETE FROM crm_index_builds WHERE entity = $1 AND index_name = ANY($2)",
            Text(entity), new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, Value = unwanted });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
