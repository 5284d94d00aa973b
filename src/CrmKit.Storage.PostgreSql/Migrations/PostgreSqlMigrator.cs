using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Storage.PostgreSql.Migrations;

/// <summary>Applies <see cref="PostgreSqlMigrations.All"/> to a database, once each, however many nodes start at once.</summary>
internal static class PostgreSqlMigrator
{
    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS crm_schema_migrations (
            version integer NOT NULL PRIMARY KEY,
            name text NOT NULL,
            applied_at timestamptz NOT NULL)
        """;

    /// <summary>
    /// Takes the migration lock (a session-level advisory lock on a connection of its own, waited for without a time
    /// limit), applies every known migration the database has not recorded, each in its own transaction together with
    /// its row in <c>crm_schema_migrations</c>, and releases the lock.
    /// </summary>
    /// <param name="dataSource">The store's data source.</param>
    /// <param name="cancellationToken">Cancels the operation (a migration's transaction then rolls back).</param>
    /// <returns>The migrations this call applied ("0003 workflows"), oldest first; empty when the database was up to date.</returns>
    /// <exception cref="NotSupportedException">The database has a migration newer than this provider knows.</exception>
    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock($1)", cancellationToken, Key());
        try
        {
            await ExecuteAsync(connection, null, CreateHistorySql, cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            if (applied.Count > 0 && applied.Max() > PostgreSqlMigrations.Latest)
            {
                throw new NotSupportedException(PostgreSqlStoreMessages.NewerSchema(applied.Max(), PostgreSqlMigrations.Latest));
            }

            foreach (var migration in PostgreSqlMigrations.All.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO crm_schema_migrations (version, name, applied_at) VALUES ($1, $2, now())",
                    cancellationToken,
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = migration.Version },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = migration.Name });
                await transaction.CommitAsync(cancellationToken);
                done.Add($"{migration.Version:D4} {migration.Name}");
            }

            return done;
        }
        finally
        {
            // The lock belongs to the connection, which goes back to the pool: release it explicitly (a broken connection
            // has lost it with its server session anyway).
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, Key());
            }
        }
    }

    private static NpgsqlParameter Key() => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = PostgreSqlCrmStore.MigrationLockKey };

    private static async Task<HashSet<int>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM crm_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        // No statement timeout: waiting for another node's migrations, or building a table's index, may take long.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
