using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Outbox;
using CrmKit.Core.Storage;

namespace CrmKit.Benchmarks.Outbox;

/// <summary>
/// The outbox dispatcher's throughput on SQLite with no-op jobs (<c>diagnostics.noop</c>): per round, queue the jobs
/// (<see cref="IOutboxAdmin.EnqueueDiagnosticAsync"/>, 1,000 a transaction) and run them all with
/// <see cref="OutboxDispatcher.DispatchAsync"/> (claim a batch, run the handlers, record the outcomes). Baseline in
/// the same run: the store cost alone — the same enqueue, claim and complete calls on <see cref="ICrmStoreSession"/>
/// with the same batch size and no handler. Each contender has its own database; rounds interleave. Target: at least
/// 2,000 jobs/s (median round, enqueue included).
/// </summary>
internal sealed class OutboxBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "outbox";
    private const double TargetJobsPerSecond = 2_000;
    private const int EnqueueChunk = 1_000;
    private const string Owner = "bench-raw";

    public async Task RunAsync()
    {
        var jobs = settings.Quick ? 2_000 : 20_000;
        Console.WriteLine();
        Console.WriteLine($"== outbox: {jobs} no-op jobs per round (enqueue + dispatch), {settings.Rounds} rounds ==");
        await using var dispatcherHost = await OutboxHost.StartAsync(SqliteFiles.NewPath(settings.WorkDirectory, "outbox-dispatcher"));
        await using var rawHost = await OutboxHost.StartAsync(SqliteFiles.NewPath(settings.WorkDirectory, "outbox-raw"));
        var options = dispatcherHost.Options;
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"OutboxOptions: BatchSize {options.BatchSize}, Concurrency {options.Concurrency}; enqueue {EnqueueChunk} jobs a transaction; each contender on its own SQLite file (WAL, synchronous=NORMAL)."));

        var dispatcher = new Samples();
        var raw = new Samples();
        var dispatcherEnqueue = new Samples();
        var rawEnqueue = new Samples();
        for (var round = -1; round < settings.Rounds; round++)
        {
            Rounds.Settle();
            var (dEnqueue, dTotal) = await DispatcherRoundAsync(dispatcherHost, jobs);
            Rounds.Settle();
            var (rEnqueue, rTotal) = await RawRoundAsync(rawHost, jobs, options.BatchSize);
            if (round < 0)
            {
                continue;
            }

            dispatcher.Add(dTotal);
            raw.Add(rTotal);
            dispatcherEnqueue.Add(dEnqueue);
            rawEnqueue.Add(rEnqueue);
            Console.WriteLine($"  round {round + 1}: dispatcher {BenchmarkReport.Duration(dTotal),10} ({Rate(jobs, dTotal)} jobs/s)   raw store {BenchmarkReport.Duration(rTotal),10} ({Rate(jobs, rTotal)} jobs/s)");
        }

        await CheckAsync(dispatcherHost, jobs * (settings.Rounds + 1));
        await CheckAsync(rawHost, jobs * (settings.Rounds + 1));

        var label = $"{Name}: {jobs} no-op jobs, enqueue + run";
        report.Add(new ResultRow(label, "raw store: enqueue + claim + complete (baseline)", raw, jobs, "job", null));
        report.Add(new ResultRow(label, "OutboxDispatcher.DispatchAsync (diagnostics.noop)", dispatcher, jobs, "job", raw));
        var perSecond = jobs / dispatcher.Median.TotalSeconds;
        report.Add(new TargetRow(
            $"outbox: dispatcher throughput, no-op jobs on SQLite: ≥ {TargetJobsPerSecond:#,0} jobs/s (median, enqueue included)",
            string.Create(CultureInfo.InvariantCulture,
                $"{perSecond:#,0} jobs/s; raw store {jobs / raw.Median.TotalSeconds:#,0} jobs/s; ratio {dispatcher.Median / raw.Median:0.00}x"),
            perSecond >= TargetJobsPerSecond));
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"Enqueue part (median): dispatcher host {Rate(jobs, dispatcherEnqueue.Median)} jobs/s, raw {Rate(jobs, rawEnqueue.Median)} jobs/s; run part alone (median total minus median enqueue): dispatcher {Rate(jobs, dispatcher.Median - dispatcherEnqueue.Median)} jobs/s, raw {Rate(jobs, raw.Median - rawEnqueue.Median)} jobs/s."));
    }

    private static async Task<(TimeSpan Enqueue, TimeSpan Total)> DispatcherRoundAsync(OutboxHost host, int jobs)
    {
        var watch = Stopwatch.StartNew();
        for (var queued = 0; queued < jobs; queued += EnqueueChunk)
        {
            await host.Admin.EnqueueDiagnosticAsync(OutboxJobKinds.DiagnosticNoop, Math.Min(EnqueueChunk, jobs - queued), null, CancellationToken.None);
        }

        var enqueue = watch.Elapsed;
        var ran = await host.Dispatcher.DispatchAsync(CancellationToken.None);
        var total = watch.Elapsed;
        if (ran != jobs)
        {
            throw new InvalidOperationException($"The dispatcher ran {ran} jobs, not {jobs}.");
        }

        return (enqueue, total);
    }

    private static async Task<(TimeSpan Enqueue, TimeSpan Total)> RawRoundAsync(OutboxHost host, int jobs, int batchSize)
    {
        var store = host.Store;
        var watch = Stopwatch.StartNew();
        for (var queued = 0; queued < jobs; queued += EnqueueChunk)
        {
            await using var session = await store.BeginAsync(write: true, CancellationToken.None);
            var now = DateTimeOffset.UtcNow;
            for (var i = queued; i < Math.Min(queued + EnqueueChunk, jobs); i++)
            {
                await session.EnqueueOutboxJobAsync(NewJob(now), CancellationToken.None);
            }

            await session.CommitAsync(CancellationToken.None);
        }

        var enqueue = watch.Elapsed;
        var ran = 0;
        while (true)
        {
            IReadOnlyList<OutboxJob> claimed;
            var now = DateTimeOffset.UtcNow;
            await using (var session = await store.BeginAsync(write: true, CancellationToken.None))
            {
                claimed = await session.ClaimOutboxJobsAsync(Owner, now, now.AddMinutes(5), batchSize, CancellationToken.None);
                await session.CommitAsync(CancellationToken.None);
            }

            if (claimed.Count == 0)
            {
                break;
            }

            await using (var session = await store.BeginAsync(write: true, CancellationToken.None))
            {
                foreach (var job in claimed)
                {
                    await session.CompleteOutboxJobAsync(job.Id, Owner, DateTimeOffset.UtcNow, null, CancellationToken.None);
                }

                await session.CommitAsync(CancellationToken.None);
            }

            ran += claimed.Count;
        }

        var total = watch.Elapsed;
        if (ran != jobs)
        {
            throw new InvalidOperationException($"The raw loop completed {ran} jobs, not {jobs}.");
        }

        return (enqueue, total);
    }

    private static OutboxJob NewJob(DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Kind = OutboxJobKinds.DiagnosticNoop,
        Payload = "{}",
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        State = OutboxJobState.Pending,
        Attempts = 0,
        MaxAttempts = 8,
        CreatedAt = now,
        DueAt = now,
    };

    // Every job queued in every round (warm-up included) must be done: the two loops did the same work.
    private async Task CheckAsync(OutboxHost host, long expected)
    {
        var counts = await host.Admin.CountAsync(CancellationToken.None);
        if (counts[OutboxJobState.Done] != expected || counts.Where(c => c.Key != OutboxJobState.Done).Any(c => c.Value != 0))
        {
            report.SanityFailure($"outbox: expected {expected} done jobs and nothing else, found " +
                string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        }
    }

    private static string Rate(int jobs, TimeSpan elapsed) =>
        BenchmarkReport.Count(jobs / Math.Max(elapsed.TotalSeconds, 1e-9));
}
