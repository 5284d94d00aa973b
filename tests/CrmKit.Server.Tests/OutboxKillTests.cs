using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace CrmKit.Server.Tests;

/// <summary>
/// Issue 4: start the server, queue 1,000 jobs, kill -9 it mid-way, restart on the same database: every job completes,
/// none is lost or dead, and each effect is recorded exactly once.
/// </summary>
public sealed class OutboxKillTests : IDisposable
{
    private const int Jobs = 1000;
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(2);

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-kill9-").FullName;

    // Slow enough to be killed mid-way (a few ms per job), short leases so the jobs killed while running come back soon.
    private static readonly string[] Settings =
    [
        "--CrmKit:Outbox:DiagnosticJobs=true",
        "--CrmKit:Outbox:LeaseDuration=00:00:02",
        "--CrmKit:Outbox:BatchSize=20",
        "--CrmKit:Outbox:Concurrency=4",
        "--CrmKit:Outbox:PollInterval=00:00:00.200",
        "--CrmKit:Outbox:BaseDelay=00:00:00.100",
        "--CrmKit:Outbox:MaxDelay=00:00:01",
    ];

    [Fact]
    public async Task KilledServer_ShouldCompleteEveryJobAfterRestart_WithEachEffectRecordedOnce()
    {
        using (var first = await ServerProcess.StartAsync(_directory, Settings))
        {
            using var queued = await first.Client.PostAsJsonAsync(
                "/api/outbox", new JsonObject { ["kind"] = "diagnostics.record_effect", ["count"] = Jobs, ["payload"] = new JsonObject { ["delayMs"] = 5 } });
            queued.StatusCode.ShouldBe(HttpStatusCode.Accepted, await queued.Content.ReadAsStringAsync());

            var counts = await WaitForAsync(first, c => c["done"] >= 150, TimeSpan.FromSeconds(60));
            first.KillHard();
            counts["done"].ShouldBeLessThan(Jobs, "the server must be killed mid-way");
        }

        var atKill = Read("SELECT COUNT(*) FROM crm_outbox WHERE state = 'done'");
        atKill.ShouldBeLessThan(Jobs);

        using (var second = await ServerProcess.StartAsync(_directory, Settings))
        {
            var counts = await WaitForAsync(second, c => c["done"] == Jobs, CompletionTimeout);
            counts["dead"].ShouldBe(0);
            counts["pending"].ShouldBe(0);
            counts["running"].ShouldBe(0);
            second.KillHard();
        }

        Read("SELECT COUNT(*) FROM crm_outbox").ShouldBe(Jobs);
        Read("SELECT COUNT(*) FROM crm_effects").ShouldBe(Jobs);
        Read("SELECT COUNT(DISTINCT idempotency_key) FROM crm_effects").ShouldBe(Jobs);
        Read("SELECT COUNT(*) FROM crm_outbox o JOIN crm_effects e ON e.idempotency_key = o.idempotency_key").ShouldBe(Jobs);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
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

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException("The outbox did not get there: " + string.Join(", ", counts) + "\n" + server.Output);
    }

    private long Read(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "crmkit.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
