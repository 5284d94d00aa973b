using System.Globalization;
using Npgsql;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL benchmarks run against: the admin connection string in
/// <c>CRMKIT_TEST_POSTGRES</c> (test.sh starts a throwaway server and sets it). Every benchmark works in databases of
/// its own, <c>crm_bench_&lt;guid&gt;</c>, dropped afterwards; no other database is touched.
/// </summary>
internal static class PostgreSqlServer
{
    /// <summary>The environment variable with the admin connection string.</summary>
    public const string Variable = "CRMKIT_TEST_POSTGRES";

    /// <summary>What a PostgreSQL benchmark prints when no server is configured.</summary>
    public const string Skipped = "skipped: " + Variable + " not set";

    /// <summary>The prefix of every database a benchmark creates (and the only ones it drops).</summary>
    public const string DatabasePrefix = "crm_bench_";

    /// <summary>The admin connection string, or null when no server is configured.</summary>
    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Prints (and notes) that the benchmark is skipped unless a server is configured.</summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <param name="report">The report.</param>
    /// <returns>True when the benchmark can run.</returns>
    public static bool IsConfigured(string benchmark, BenchmarkReport report)
    {
        if (AdminConnectionString is not null)
        {
            return true;
        }

        Console.WriteLine("  " + Skipped);
        report.Note(benchmark, Skipped);
        return false;
    }

    /// <summary>Creates an empty database (UTF-8, from template0) named <c>crm_bench_&lt;guid&gt;</c>.</summary>
    /// <returns>The database; disposing it drops it.</returns>
    public static async Task<PostgreSqlDatabase> CreateDatabaseAsync()
    {
        var name = DatabasePrefix + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        var builder = new NpgsqlConnectionStringBuilder(Admin()) { Database = name };
        return new PostgreSqlDatabase(name, builder.ConnectionString);
    }

    /// <summary>Drops a database a benchmark created, closing whatever connections it still has.</summary>
    /// <param name="name">The database name (<c>crm_bench_...</c>).</param>
    /// <returns>A task.</returns>
    public static Task DropDatabaseAsync(string name)
    {
        if (!name.StartsWith(DatabasePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException("Only benchmark databases are dropped.", nameof(name));
        }

        return ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>
    /// Settles the machine before a measurement: a <c>CHECKPOINT</c> writes the server's dirty buffers (from the
    /// previous contender or the load) so that its background writer does not bill them to the next timing, then
    /// <see cref="Rounds.Settle"/> (sync, full GC).
    /// </summary>
    /// <returns>A task.</returns>
    public static async Task SettleAsync()
    {
        try
        {
            await ExecuteAsync("CHECKPOINT");
        }
        catch (PostgresException)
        {
            // Not a superuser (nor pg_checkpoint): the timings just carry more write-back noise.
        }

        Rounds.Settle();
    }

    /// <summary>The server's version and the settings that matter for the numbers (durability, memory).</summary>
    /// <returns>One line of text.</returns>
    public static async Task<string> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(Admin());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'),
                current_setting('full_page_writes'), current_setting('shared_buffers'), current_setting('max_wal_size'),
                current_setting('jit')
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {reader.GetString(0)} on {connection.Host}:{connection.Port}: fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, " +
            $"full_page_writes={reader.GetString(3)}, shared_buffers={reader.GetString(4)}, max_wal_size={reader.GetString(5)}, jit={reader.GetString(6)}; " +
            $"Npgsql {typeof(NpgsqlConnection).Assembly.GetName().Version?.ToString(3)}");
    }

    private static string Admin() =>
        AdminConnectionString ?? throw new InvalidOperationException(Variable + " is not set.");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Admin());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
