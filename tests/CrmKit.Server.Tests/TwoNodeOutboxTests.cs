using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace CrmKit.Server.Tests;

/// <summary>
/// Issue 6: two real server processes on one PostgreSQL database share 10,000 outbox jobs; one is killed with SIGKILL
/// mid-run. Every job completes, none is dead, each effect is recorded exactly once (by its idempotency key), and both
/// nodes did work.
/// </summary>
public sealed class TwoNodeOutboxTests : IDisposable
{
    private const int Jobs = 10_000;
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(4);

    private readonly PostgresTestDatabase? _database = PostgresTestDatabase.TryCreate();
    private readonly List<string> _directories = [];

    private string[] Settings() =>
    [
        "--CrmKit:Storage:Provider=PostgreSql",
        "--CrmKit:Storage:ConnectionString=" + _database!.ConnectionString,
        "--CrmKit:Outbox:DiagnosticJobs=true",
        "--CrmKit:Outbox:LeaseDuration=00:00:02",
        "--CrmKit:Outbox:BatchSize=50",
        "--CrmKit:Outbox:Concurrency=4",
        "--CrmKit:Outbox:PollInterval=00:00:00.100",
        "--CrmKit:Outbox:BaseDelay=00:00:00.100",
        "--CrmKit:Outbox:MaxDelay=00:00:01",
    ];

    [SkippableFact]
    public async Task TwoNodes_OneKilledMidRun_ShouldCompleteEveryJobOnce()
    {
        Skip.If(_database is null, PostgresTestDatabase.SkipReason);
        using var a = await ServerProcess.StartAsync(NewDirectory(), Settings());
        using var b = await ServerProcess.StartAsync(NewDirectory(), Settings());

        using var queued = await a.Client.PostAsJsonAsync(
            "/api/outbox", new JsonObject { ["kind"] = "diagnostics.record_effect", ["count"] = Jobs, ["payload"] = new JsonObject { ["delayMs"] = 2 } });
        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync());
        var atKill = await WaitForAsync(a, c => c["done"] >= Jobs / 5, TimeSpan.FromMinutes(2));
        b.KillHard();
        atKill["done"].ShouldBeLessThan(Jobs, "node b must be killed mid-run");

        var counts = await WaitForAsync(a, c => c["done"] == Jobs, CompletionTimeout);
        a.KillHard();

        counts["dead"].ShouldBe(0);
        counts["pending"].ShouldBe(0);
        counts["running"].ShouldBe(0);
        (await ReadAsync("SELECT COUNT(*) FROM crm_effects")).ShouldBe(Jobs);
        (await ReadAsync("SELECT COUNT(DISTINCT idempotency_key) FROM crm_effects")).ShouldBe(Jobs);
        (await ReadAsync("SELECT COUNT(*) FROM crm_outbox o JOIN crm_effects e ON e.idempotency_key = o.idempotency_key")).ShouldBe(Jobs);
        (await ReadAsync("SELECT COUNT(DISTINCT owner) FROM crm_outbox WHERE state = 'done'")).ShouldBeGreaterThanOrEqualTo(2, "both nodes ran jobs");

        // A job runs again only when its node died after the job's effect and before the batch's outcomes were committed
        // (a dispatcher records the outcomes of its claimed batch together): at most one batch of node b's (BatchSize).
        // The second run finds the effect under the job's idempotency key and notes "duplicate" instead of repeating it.
        (await ReadAsync("SELECT COUNT(*) FROM crm_outbox WHERE note = 'duplicate'")).ShouldBeLessThanOrEqualTo(50);
    }

    public void Dispose()
    {
        _database?.Dispose();
        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans its temp folder.
            }
        }
    }

    private string NewDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-node-").FullName;
        _directories.Add(directory);
        return directory;
    }

    private async Task<long> ReadAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, long>> WaitForAsync(ServerProcess server, Func<Dictionary<string, long>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Dictionary<string, long> counts;
        do
        {
            var body = (await server.Client.GetFromJsonAsync<JsonObject>("/api/outbox?limit=1"))!;
            counts = body["counts"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());
            if (done(counts))
            {
                return counts;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException("The outbox did not get there: " + string.Join(", ", counts) + "\n" + server.Output);
    }
}
