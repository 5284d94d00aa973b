using Npgsql;

namespace CrmKit.Server.Tests;

/// <summary>
/// A fresh, empty PostgreSQL database on the server named by <c>CRMKIT_TEST_POSTGRES</c> (started by ./test.sh),
/// dropped on dispose. <see cref="TryCreate"/> returns null when the variable is not set.
/// </summary>
internal sealed class PostgresTestDatabase : IDisposable
{
    public const string Variable = "CRMKIT_TEST_POSTGRES";
    public const string SkipReason = "skipped: " + Variable + " not set; run ./test.sh";

    private readonly string _admin;
    private readonly string _name;

    private PostgresTestDatabase(string admin, string name)
    {
        _admin = admin;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static PostgresTestDatabase? TryCreate()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return null;
        }

        var name = "crm_server_" + Guid.NewGuid().ToString("N")[..12];
        Execute(admin, $"CREATE DATABASE {name}");
        return new PostgresTestDatabase(admin, name);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
