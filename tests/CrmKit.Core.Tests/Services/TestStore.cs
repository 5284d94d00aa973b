using CrmKit.Core;
using CrmKit.Storage.PostgreSql;
using CrmKit.Storage.Sqlite;
using Npgsql;

namespace CrmKit.Core.Tests.Services;

/// <summary>
/// Which store the Core tests run on: SQLite files by default; PostgreSQL when <c>CRMKIT_CORE_TESTS_STORE</c> is
/// <c>postgresql</c> (./test.sh runs the suite a second time so, on the server of <c>CRMKIT_TEST_POSTGRES</c>). On
/// PostgreSQL each test folder gets its own database, so hosts started on one folder share it as they share a file.
/// </summary>
internal static class TestStore
{
    public const string StoreVariable = "CRMKIT_CORE_TESTS_STORE";
    public const string ServerVariable = "CRMKIT_TEST_POSTGRES";

    public static bool IsPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable(StoreVariable), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a test that needs SQLite files is skipped on PostgreSQL.</summary>
    public const string SqliteOnly = "skipped: this test works on the SQLite file itself; the suite runs on PostgreSQL now";

    public static void Use(CrmKitBuilder builder, string directory)
    {
        if (!IsPostgreSql)
        {
            builder.UseSqlite($"Data Source={Path.Combine(directory, "crm.db")};Pooling=False");
            return;
        }

        builder.UsePostgreSql(EnsureDatabase(directory));
    }

    /// <summary>Drops the folder's database (PostgreSQL only), when the test is done with it.</summary>
    public static void Drop(string directory)
    {
        if (IsPostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            Execute($"DROP DATABASE IF EXISTS {DatabaseName(directory)} WITH (FORCE)");
        }
    }

    /// <summary>Copies the store of a stopped host's folder to another folder (the files, or the database).</summary>
    public static void Copy(string from, string to)
    {
        if (!IsPostgreSql)
        {
            foreach (var file in Directory.GetFiles(from, "crm.db*"))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        Execute($"CREATE DATABASE {DatabaseName(to)} TEMPLATE {DatabaseName(from)}");
    }

    private static string EnsureDatabase(string directory)
    {
        var admin = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{StoreVariable}=postgresql needs {ServerVariable} (run ./test.sh).");
        var name = DatabaseName(directory);
        lock (typeof(TestStore))
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    private static string DatabaseName(string directory) =>
        "crm_core_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(directory)))[..16];

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(ServerVariable));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
