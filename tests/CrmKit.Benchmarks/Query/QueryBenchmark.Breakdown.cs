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
    private const int BreakdownRepeats = 3;

    /// <summary>
    /// Runs the steps of <c>RecordService.QueryAsync</c> one at a time over the same lookups (best of three each):
    /// parsing the filter, opening and closing a read session, the store query (SQL text, command, reading rows) and
    /// turning rows into records (JSON parse); and the raw baseline with CrmKit's exact SQL text, prepared once, prepared
    /// per lookup, and with single clauses changed, to tell SQL shape from statement handling.
    /// </summary>
    private async Task BreakdownAsync(CrmKitInstance crm, Microsoft.Data.Sqlite.SqliteConnection connection, string[] values, TimeSpan crmKit, TimeSpan raw)
    {
        var compiled = crm.Registry.Get(ContactSchema.Entity);
        var filters = new FilterNode[values.Length];
        IReadOnlyList<CrmKit.Core.Query.SortKey> sort = [];
        var parse = await BestAsync(() =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                filters[i] = FilterParser.Parse($"{ContactSchema.QueryField} eq '{values[i]}'", compiled.Definition, compiled.KindOf);
                sort = SortParser.Parse(null, compiled.Definition, compiled.KindOf);
            }

            return Task.CompletedTask;
        });

        var sessions = await BestAsync(async () =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                await using var session = await crm.Store.BeginAsync(write: false, CancellationToken.None);
            }
        });

        var rows = new List<IReadOnlyList<StoredRecord>>(values.Length);
        var query = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < BreakdownRepeats; repeat++)
        {
            rows.Clear();
            await using var session = await crm.Store.BeginAsync(write: false, CancellationToken.None);
            Rounds.ForceGc();
            var stopwatch = Stopwatch.StartNew();
            foreach (var filter in filters)
            {
                rows.Add(await session.QueryAsync(compiled.Storage, new StoreQuery { Filter = filter, Sort = sort, Limit = Limit + 1 }, CancellationToken.None));
            }

            query = TimeSpan.FromTicks(Math.Min(query.Ticks, stopwatch.Elapsed.Ticks));
        }

        var fields = 0L;
        var toRecords = await BestAsync(() =>
        {
            foreach (var page in rows)
            {
                foreach (var row in page)
                {
                    fields += RecordJson.ToRecord(ContactSchema.Entity, row).Values.Count;
                }
            }

            return Task.CompletedTask;
        });
        GC.KeepAlive(fields);

        // The raw baseline's variants: CrmKit's exact SQL text prepared once, then prepared anew for every lookup.
        using var crmKitSql = new RawLookup(connection, _crmKitSql);
        var sameSql = await BestAsync(() => Task.FromResult(crmKitSql.Run(values, prepared: true)));
        var unprepared = await BestAsync(() => Task.FromResult(crmKitSql.Run(values, prepared: false)));
        using var noNullsFirst = new RawLookup(connection, _crmKitSql.Replace(" NULLS FIRST", "", StringComparison.Ordinal));
        var withoutNullsFirst = await BestAsync(() => Task.FromResult(noNullsFirst.Run(values, prepared: true)));
        using var literalLimit = new RawLookup(connection, _crmKitSql.Replace("LIMIT @p1", "LIMIT 51", StringComparison.Ordinal));
        var withLiteralLimit = await BestAsync(() => Task.FromResult(literalLimit.Run(values, prepared: true)));

        var n = values.Length;
        var sum = parse + sessions + query + toRecords;
        var lines = new List<string>
        {
            $"Where CrmKit's query time goes ({n:N0} lookups; each step run alone, best of {BreakdownRepeats}):",
            Line("CrmKit QueryAsync, end to end (best round)", crmKit, n, crmKit),
            Line("raw SQL, for reference (best round)", raw, n, crmKit),
            Line("raw ADO.NET with CrmKit's SQL text, prepared once", sameSql, n, crmKit),
            Line("raw ADO.NET with CrmKit's SQL text, new command per lookup", unprepared, n, crmKit),
            Line("raw ADO.NET with CrmKit's SQL text minus NULLS FIRST, prepared once", withoutNullsFirst, n, crmKit),
            Line("raw ADO.NET with CrmKit's SQL text but LIMIT 51 literal, prepared once", withLiteralLimit, n, crmKit),
            Line("parse filter and sort", parse, n, crmKit),
            Line("open + close a read session (store.BeginAsync + DisposeAsync)", sessions, n, crmKit),
            Line("store query (session.QueryAsync: build SQL, run it, read rows)", query, n, crmKit),
            Line("rows to records (JSON parse of data)", toRecords, n, crmKit),
            Line("sum of the steps above", sum, n, crmKit),
            Line("rest (service overhead, GC)", crmKit - sum, n, crmKit),
        };
        Console.WriteLine();
        foreach (var line in lines)
        {
            Console.WriteLine("  " + line);
        }

        report.Note(Name, string.Join("\n", lines));
    }

    private static async Task<TimeSpan> BestAsync(Func<Task> run)
    {
        var best = TimeSpan.MaxValue;
        for (var repeat = 0; repeat < BreakdownRepeats; repeat++)
        {
            Rounds.ForceGc();
            var stopwatch = Stopwatch.StartNew();
            await run();
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, stopwatch.Elapsed.Ticks));
        }

        return best;
    }

    private static string Line(string stage, TimeSpan time, int count, TimeSpan total) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0,-72} {1,10} {2,9:0.00} µs/lookup {3,6:0.0}%",
            stage,
            BenchmarkReport.Duration(time),
            time.TotalMicroseconds / count,
            100 * time / total);
}
