using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Storage;

namespace CrmKit.Benchmarks.Bulk;

internal sealed partial class PostgreSqlBulkBenchmark
{
    private const int BreakdownRepeats = 3;

    /// <summary>
    /// Tells where CrmKit's time goes on PostgreSQL (best of three each, fresh database each): the raw COPY with a
    /// transaction per batch, the store's own multi-row INSERT from raw Npgsql, the store's inserts alone through its
    /// sessions (write lock included), and CreateAsync with the audit trail off.
    /// </summary>
    private async Task BreakdownAsync(TimeSpan crmKit, TimeSpan raw)
    {
        var count = settings.BulkRows;
        var batch = settings.BatchSize;
        var copyPerBatch = await BestAsync(() => RunRawAsync(count, verify: false, rowsPerTransaction: batch));
        var unnest = await BestAsync(() => RunRawUnnestAsync(count));
        var store = await BestAsync(() => StoreInsertAsync(count));
        var noAudit = await BestAsync(() => RunCrmKitAsync(count, verify: false, audit: false));

        var lines = new List<string>
        {
            $"Where CrmKit's bulk-create time goes on PostgreSQL ({count:N0} rows; each variant best of {BreakdownRepeats}, a fresh database each):",
            Line("CrmKit CreateAsync, end to end (best round)", crmKit, count, crmKit),
            Line("raw Npgsql binary COPY, one transaction (the baseline, best round)", raw, count, crmKit),
            Line($"raw Npgsql binary COPY, one COPY + transaction per {batch:N0} rows", copyPerBatch, count, crmKit),
            Line($"raw Npgsql, the store's INSERT ... unnest(arrays), one per {batch:N0} rows + tx", unnest, count, crmKit),
            Line($"store insert alone (PostgreSqlCrmStoreSession.InsertAsync, write session per {batch:N0})", store, count, crmKit),
            Line("CrmKit CreateAsync with the audit trail off (CrmKit:Audit:Enabled=false)", noAudit, count, crmKit),
            Line("  = audit trail (end to end minus audit off)", crmKit - noAudit, count, crmKit),
            Line("  = service: validate, normalize, serialize, pipeline (audit off minus store insert)", noAudit - store, count, crmKit),
            Line("  = the store's statement vs COPY (unnest INSERT per batch minus COPY per batch)", unnest - copyPerBatch, count, crmKit),
        };
        Console.WriteLine();
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line);
        }

        report.Note(Name, string.Join("\n", lines));
    }

    /// <summary>The store's inserts alone: pre-serialized rows, one write session (and transaction) per batch.</summary>
    private async Task<TimeSpan> StoreInsertAsync(int count)
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var crm = await PostgreSqlCrmKitInstance.StartAsync(database.ConnectionString);
        await ContactSchema.CreateAsync(crm.Metadata);
        var storage = crm.Registry.Get(ContactSchema.Entity).Storage;
        var now = DateTimeOffset.UtcNow;
        var batches = Data.Stored.Take(count).Select(d => new StoredRecord
        {
            Id = Guid.CreateVersion7(now),
            Version = 1,
            CreatedAt = now,
            CreatedBy = User,
            UpdatedAt = now,
            UpdatedBy = User,
            Data = d,
        }).Chunk(settings.BatchSize).ToList();
        await PostgreSqlServer.SettleAsync();
        var stopwatch = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await using var session = await crm.Store.BeginSessionAsync(write: true, CancellationToken.None);
            await session.InsertAsync(storage, batch, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        return stopwatch.Elapsed;
    }

    private static async Task<TimeSpan> BestAsync(Func<Task<TimeSpan>> run)
    {
        var best = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < BreakdownRepeats; repeat++)
        {
            var elapsed = await run();
            best = elapsed < best ? elapsed : best;
        }

        return best;
    }

    private static string Line(string stage, TimeSpan time, int count, TimeSpan total) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0,-88} {1,10} {2,9:0.00} µs/row {3,6:0.0}%",
            stage,
            BenchmarkReport.Duration(time),
            time.TotalMicroseconds / count,
            100 * time / total);
}
