using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Query;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;

namespace CrmKit.Benchmarks.Query;

internal sealed partial class QueryBenchmark
{
    /// <summary>
    /// Runs the steps of <c>RecordService.QueryAsync</c> one at a time over the same lookups: parsing the filter,
    /// opening and closing a read session, the store query (SQL text, command, reading rows) and turning rows into
    /// records (JSON parse).
    /// </summary>
    private async Task BreakdownAsync(CrmKitInstance crm, string[] values, TimeSpan crmKitMedian, TimeSpan rawMedian)
    {
        var compiled = crm.Registry.Get(ContactSchema.Entity);
        var filters = new FilterNode[values.Length];
        IReadOnlyList<CrmKit.Core.Query.SortKey> sort = [];
        Rounds.ForceGc();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < values.Length; i++)
        {
            filters[i] = FilterParser.Parse($"{ContactSchema.QueryField} eq '{values[i]}'", compiled.Definition, compiled.KindOf);
            sort = SortParser.Parse(null, compiled.Definition, compiled.KindOf);
        }

        var parse = stopwatch.Elapsed;

        stopwatch.Restart();
        for (var i = 0; i < values.Length; i++)
        {
            await using var session = await crm.Store.BeginAsync(write: false, CancellationToken.None);
        }

        var sessions = stopwatch.Elapsed;

        var rows = new List<IReadOnlyList<StoredRecord>>(values.Length);
        await using (var session = await crm.Store.BeginAsync(write: false, CancellationToken.None))
        {
            stopwatch.Restart();
            for (var i = 0; i < values.Length; i++)
            {
                rows.Add(await session.QueryAsync(compiled.Storage, new StoreQuery { Filter = filters[i], Sort = sort, Limit = Limit + 1 }, CancellationToken.None));
            }

            stopwatch.Stop();
        }

        var query = stopwatch.Elapsed;

        stopwatch.Restart();
        var fields = 0L;
        foreach (var page in rows)
        {
            foreach (var row in page)
            {
                fields += RecordJson.ToRecord(ContactSchema.Entity, row).Values.Count;
            }
        }

        var toRecords = stopwatch.Elapsed;
        GC.KeepAlive(fields);

        var n = values.Length;
        var sum = parse + sessions + query + toRecords;
        var lines = new List<string>
        {
            $"Where CrmKit's query time goes ({n:N0} lookups, each step run alone):",
            Line("CrmKit QueryAsync, end to end (median round)", crmKitMedian, n, crmKitMedian),
            Line("raw SQL, for reference (median round)", rawMedian, n, crmKitMedian),
            Line("parse filter and sort", parse, n, crmKitMedian),
            Line("open + close a read session (pooled connection, PRAGMAs, BEGIN)", sessions, n, crmKitMedian),
            Line("store query (SQL text, new command, read rows)", query, n, crmKitMedian),
            Line("rows to records (JSON parse of data)", toRecords, n, crmKitMedian),
            Line("sum of the steps above", sum, n, crmKitMedian),
            Line("rest (service overhead, GC)", crmKitMedian - sum, n, crmKitMedian),
        };
        Console.WriteLine();
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line);
        }

        report.Note(Name, string.Join("\n", lines));
    }

    private static string Line(string stage, TimeSpan time, int count, TimeSpan total) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0,-66} {1,10} {2,9:0.00} µs/lookup {3,6:0.0}%",
            stage,
            BenchmarkReport.Duration(time),
            time.TotalMicroseconds / count,
            100 * time / total);
}
