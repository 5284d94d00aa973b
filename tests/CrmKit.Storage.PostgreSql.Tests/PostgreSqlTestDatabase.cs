using Npgsql;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>Databases of one test, each with its stores; disposing drops them.</summary>
internal sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    private readonly List<PostgreSqlCrmStore> _stores = [];

    private PostgreSqlTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Creates a fresh database (skips the test when no server is configured).</summary>
    /// <returns>The database.</returns>
    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var (name, connectionString) = await PostgreSqlTestServer.CreateDatabaseAsync();
        return new PostgreSqlTestDatabase(name, connectionString);
    }

    public PostgreSqlCrmStore CreateStore(Action<PostgreSqlStoreOptions>? configure = null)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = ConnectionString };
        configure?.Invoke(options);
        var store = new PostgreSqlCrmStore(options);
        _stores.Add(store);
        return store;
    }

    /// <summary>Runs SQL on a connection of its own (outside any store) and returns the first column of the first row.</summary>
    /// <param name="sql">The SQL.</param>
    /// <returns>The value, or null.</returns>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    /// <summary>Runs SQL on a connection of its own and returns the first column of every row as text.</summary>
    /// <param name="sql">The SQL.</param>
    /// <returns>The values.</returns>
    public async Task<List<string?>> ColumnAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await PostgreSqlTestServer.DropDatabaseAsync(Name);
    }
}
