using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Outbox;

namespace CrmKit.Benchmarks.Outbox;

/// <summary>
/// Outbox scale-out on PostgreSQL: the same number of <c>diagnostics.record_effect</c> jobs run by one node (one host
/// with its <see cref="OutboxDispatcher"/>) and by two nodes (two independent hosts on the same database, each with its
/// own store and dispatcher, dispatching at the same time). Each job waits <see cref="DelayMs"/> ms outside the database
/// (its payload's <c>delayMs</c>: a stand-in for a call to another system), then records its idempotency key in
/// <c>crm_effects</c> in a write transaction of its own. The jobs are queued before the clock starts; the clock runs
/// until every node's <see cref="OutboxDispatcher.DispatchAsync"/> has found nothing more to do. Target: two nodes at
/// least 1.6x as fast as one (best rounds).
/// </summary>
internal sealed class PostgreSqlOutboxBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "outbox-pg";
    private const double TargetSpeedup = 1.6;
    private const int DelayMs = 10;
    private const int EnqueueChunk = 1_000;

    public async Task RunAsync()
    {
        var jobs = settings.Quick ? 400 : 4_000;
        Console.WriteLine();
        Console.WriteLine($"== outbox-pg: {jobs:N0} {OutboxJobKinds.DiagnosticRecordEffect} jobs ({DelayMs} ms outside the database + one effect row each) per round on PostgreSQL: one node vs two ==");
        if (!PostgreSqlServer.IsConfigured(Name, report))
        {
            return;
        }

        var server = await PostgreSqlServer.DescribeAsync();
        Console.WriteLine("  server: " + server);
        report.Note(Name, "Server: " + server);
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var first = await PostgreSqlOutboxHost.StartAsync(database.ConnectionString);
        await using var second = await PostgreSqlOutboxHost.StartAsync(database.ConnectionString);
        var options = first.Options;
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"Job: {OutboxJobKinds.DiagnosticRecordEffect} with payload {{\"delayMs\": {DelayMs}}}: Task.Delay({DelayMs} ms), then one INSERT into crm_effects in a write transaction of its own (the store's write lock included). " +
            $"OutboxOptions per node: BatchSize {options.BatchSize}, Concurrency {options.Concurrency}. Two hosts in this process, each with its own PostgreSqlCrmStore (connection pool) and OutboxDispatcher, on one database."));

        var contenders = new (string Name, Func<Task<int[]>> Run)[]
        {
            ("one node (one host, one OutboxDispatcher)", async () => [await first.Dispatcher.DispatchAsync(CancellationToken.None)]),
            ("two nodes (two hosts, a dispatcher each)", async () => await Task.WhenAll(
                first.Dispatcher.DispatchAsync(CancellationToken.None), second.Dispatcher.DispatchAsync(CancellationToken.None))),
        };
        var samples = contenders.Select(_ => new Samples()).ToArray();
        var splits = new List<string>();
        var rounds = 0;
        for (var round = -1; round < settings.Rounds; round++)
        {
            foreach (var i in Rounds.Rotate(Enumerable.Range(0, contenders.Length).ToList(), round + 1))
            {
                await EnqueueAsync(first, jobs);
                await PostgreSqlServer.SettleAsync();
                var stopwatch = Stopwatch.StartNew();
                var ran = await contenders[i].Run();
                stopwatch.Stop();
                rounds++;
                if (ran.Sum() != jobs || ran.Any(n => n == 0))
                {
                    report.SanityFailure($"outbox-pg: {contenders[i].Name} ran {string.Join(" + ", ran)} jobs, expected {jobs} with every node taking part");
                }

                if (round < 0)
                {
                    continue;
                }

                samples[i].Add(stopwatch.Elapsed);
                if (ran.Length > 1)
                {
                    splits.Add(string.Join(" + ", ran));
                }

                Console.WriteLine($"  round {round + 1}: {contenders[i].Name,-44} {BenchmarkReport.Duration(stopwatch.Elapsed),10}  ({Rate(jobs, stopwatch.Elapsed)} jobs/s; jobs per node {string.Join(" + ", ran)})");
            }
        }

        await CheckAsync(first, database, (long)jobs * rounds);

        var label = $"{Name}: {jobs} jobs of {DelayMs} ms + an effect row";
        report.Add(new ResultRow(label, contenders[0].Name + " (baseline)", samples[0], jobs, "job", null));
        report.Add(new ResultRow(label, contenders[1].Name, samples[1], jobs, "job", samples[0]));
        var speedup = samples[0].Best / samples[1].Best;
        report.Add(new TargetRow(
            $"outbox-pg: two nodes (two hosts with a dispatcher each, one database) complete the same jobs ≥ {TargetSpeedup}x as fast as one node",
            string.Create(CultureInfo.InvariantCulture,
                $"{speedup:0.00}x (best of {settings.Rounds}: {Rate(jobs, samples[1].Best)} vs {Rate(jobs, samples[0].Best)} jobs/s; median {samples[0].Median / samples[1].Median:0.00}x)"),
            speedup >= TargetSpeedup));
        report.Note(Name, "Jobs per node in the two-node rounds: " + string.Join("; ", splits) + ".");
    }

    private static async Task EnqueueAsync(PostgreSqlOutboxHost host, int jobs)
    {
        for (var queued = 0; queued < jobs; queued += EnqueueChunk)
        {
            await host.Admin.EnqueueDiagnosticAsync(
                OutboxJobKinds.DiagnosticRecordEffect, Math.Min(EnqueueChunk, jobs - queued), new JsonObject { ["delayMs"] = DelayMs }, CancellationToken.None);
        }
    }

    // Every job queued in every round (warm-up included) must be done exactly once: one effect row per job, none run twice.
    private async Task CheckAsync(PostgreSqlOutboxHost host, PostgreSqlDatabase database, long expected)
    {
        var counts = await host.Admin.CountAsync(CancellationToken.None);
        if (counts[OutboxJobState.Done] != expected || counts.Where(c => c.Key != OutboxJobState.Done).Any(c => c.Value != 0))
        {
            report.SanityFailure($"outbox-pg: expected {expected} done jobs and nothing else, found " +
                string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        }

        var effects = database.Count("SELECT count(*) FROM crm_effects");
        var duplicates = database.Count("SELECT count(*) FROM crm_outbox WHERE note = 'duplicate'");
        if (effects != expected || duplicates != 0)
        {
            report.SanityFailure($"outbox-pg: expected {expected} effects and no job run twice, found {effects} effects and {duplicates} duplicate runs");
        }
        else
        {
            Console.WriteLine($"  check: all {expected:N0} jobs done, each effect recorded once");
        }
    }

    private static string Rate(int jobs, TimeSpan elapsed) =>
        BenchmarkReport.Count(jobs / Math.Max(elapsed.TotalSeconds, 1e-9));
}
