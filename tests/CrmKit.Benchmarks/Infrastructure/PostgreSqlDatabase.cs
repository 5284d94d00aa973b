using Npgsql;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>A database a benchmark created on the <see cref="PostgreSqlServer"/>; disposing it drops it.</summary>
internal sealed class PostgreSqlDatabase : IAsyncDisposable
{
    public PostgreSqlDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The admin connection string with this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a connection of its own (outside any CrmKit store).</summary>
    /// <returns>The open connection.</returns>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs a statement on a connection of its own.</summary>
    /// <param name="sql">The SQL.</param>
    public void Execute(string sql)
    {
        using var connection = Open();
        Execute(connection, sql);
    }

    /// <summary>Runs a query on a connection of its own and returns its first value as a number (a count, a size).</summary>
    /// <param name="sql">The SQL.</param>
    /// <returns>The value.</returns>
    public long Count(string sql)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The database's size on disk, in MiB.</summary>
    /// <returns>The size.</returns>
    public double SizeMiB() => Count($"SELECT pg_database_size('{Name}')") / (1024.0 * 1024);

    public async ValueTask DisposeAsync()
    {
        // Pooled idle connections to the database would make DROP DATABASE wait; WITH (FORCE) ends any left over.
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await PostgreSqlServer.DropDatabaseAsync(Name);
    }
}
