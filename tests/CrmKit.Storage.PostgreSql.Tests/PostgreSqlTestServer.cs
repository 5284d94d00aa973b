using Npgsql;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the admin connection string in <c>CRMKIT_TEST_POSTGRES</c> (test.sh starts a
/// server and sets it). Each test gets databases of its own, <c>crm_t_&lt;guid&gt;</c>, dropped afterwards; no other
/// database is touched.
/// </summary>
internal static class PostgreSqlTestServer
{
    /// <summary>The environment variable with the admin connection string.</summary>
    public const string Variable = "CRMKIT_TEST_POSTGRES";

    /// <summary>Why the tests are skipped when the variable is missing.</summary>
    public const string SkipReason = Variable + " not set; run ./test.sh";

    private static readonly Lazy<NpgsqlDataSource?> Admin = new(() =>
        AdminConnectionString is { } connectionString ? NpgsqlDataSource.Create(connectionString) : null);

    /// <summary>The admin connection string, or null when the tests are not configured.</summary>
    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Skips the calling test when no server is configured.</summary>
    public static void SkipUnlessConfigured() => Skip.If(AdminConnectionString is null, SkipReason);

    /// <summary>
    /// Creates an empty database whose default collation is ICU's en-US (when the server has ICU), so that a query that
    /// forgot <c>COLLATE "C"</c> orders differently from ordinal and fails its test.
    /// </summary>
    /// <returns>The database name and its connection string.</returns>
    public static async Task<(string Name, string ConnectionString)> CreateDatabaseAsync()
    {
        SkipUnlessConfigured();
        var name = "crm_t_" + Guid.NewGuid().ToString("N");
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' ENCODING 'UTF8'");
        }
        catch (PostgresException)
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        }

        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name };
        return (name, builder.ConnectionString);
    }

    /// <summary>Drops a database the tests created, closing whatever connections it still has.</summary>
    /// <param name="name">The database name (<c>crm_t_...</c>).</param>
    /// <returns>A task.</returns>
    public static Task DropDatabaseAsync(string name)
    {
        if (!name.StartsWith("crm_t_", StringComparison.Ordinal))
        {
            throw new ArgumentException("Only test databases are dropped.", nameof(name));
        }

        return ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var command = Admin.Value!.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
