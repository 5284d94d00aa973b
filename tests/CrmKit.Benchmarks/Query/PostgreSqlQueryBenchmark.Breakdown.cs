using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Query;
using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using Npgsql;

namespace CrmKit.Benchmarks.Query;

internal sealed partial class PostgreSqlQueryBenchmark
{
    private const int BreakdownRepeats = 3;

    /// <summary>
    /// Runs the steps of <c>RecordService.QueryAsync</c> one at a time over the same lookups (best of three each):
    /// parsing the filter, opening and closing a read session, the store query and turning rows into records; and the
    /// raw baseline with CrmKit's exact SQL text prepared once, unprepared (as CrmKit sends it), and unprepared inside a
    /// REPEATABLE READ transaction per lookup (what a snapshot read session adds on the wire), to tell SQL shape, server
    /// planning and round trips from CrmKit's own code.
    /// </summary>
    private async Task BreakdownAsync(
        PostgreSqlCrmKitInstance crm, PostgreSqlDatabase database, NpgsqlConnection connection, string[] values, TimeSpan crmKit, TimeSpan raw)
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

        // What QueryAsync opens for a page without its total: a statement read session (a pooled connection, no transaction).
        var sessions = await BestAsync(async () =>
        {
            for (var i = 0; i < values.Length; i++)
            {
                await using var session = await crm.Store.BeginStatementReadAsync(CancellationToken.None);
            }
        });

        // What it opens for a page with its total: a REPEATABLE READ transaction (its BEGIN goes out with the first statement).
        var snapshotSessions = await BestAsync(async () =>
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

        // The raw baseline's variants with CrmKit's exact SQL text.
        using var crmKitSql = new PostgreSqlRawLookup(connection, _crmKitSql);
        var sameSql = await BestAsync(() => Task.FromResult(crmKitSql.Run(values, prepared: true, transaction: false)));
        var unprepared = await BestAsync(() => Task.FromResult(crmKitSql.Run(values, prepared: false, transaction: false)));
        var unpreparedInTransaction = await BestAsync(() => Task.FromResult(crmKitSql.Run(values, prepared: false, transaction: true)));
        var preparedInTransaction = await BestAsync(() => Task.FromResult(crmKitSql.Run(values, prepared: true, transaction: true)));

        // The same CrmKit code in a second host whose connection string turns on Npgsql's automatic preparation and
        // keeps pooled connections' state (no DISCARD ALL when a session's connection goes back to the pool).
        var tuned = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 20, NoResetOnClose = true };
        TimeSpan autoPrepared;
        await using (var tunedCrm = await PostgreSqlCrmKitInstance.StartAsync(tuned.ConnectionString))
        {
            await RunCrmKitAsync(tunedCrm.Records, values);
            autoPrepared = await BestAsync(() => RunCrmKitAsync(tunedCrm.Records, values));
        }

        var n = values.Length;
        var sum = parse + sessions + query + toRecords;
        var lines = new List<string>
        {
            $"Where CrmKit's query time goes on PostgreSQL ({n:N0} lookups; each step run alone, best of {BreakdownRepeats}):",
            Line("CrmKit QueryAsync, end to end (best round)", crmKit, n, crmKit),
            Line("raw Npgsql, for reference (best round)", raw, n, crmKit),
            Line("raw Npgsql with CrmKit's SQL text, prepared once", sameSql, n, crmKit),
            Line("raw Npgsql with CrmKit's SQL text, new command per lookup (as CrmKit sends it)", unprepared, n, crmKit),
            Line("raw Npgsql with CrmKit's SQL text, prepared once, in a REPEATABLE READ tx per lookup", preparedInTransaction, n, crmKit),
            Line("raw Npgsql with CrmKit's SQL text, new command, in a REPEATABLE READ tx per lookup", unpreparedInTransaction, n, crmKit),
            Line("parse filter and sort", parse, n, crmKit),
            Line("open + close a statement read session (store.BeginStatementReadAsync + DisposeAsync)", sessions, n, crmKit),
            Line("open + close a snapshot read session (store.BeginAsync(write: false); not summed)", snapshotSessions, n, crmKit),
            Line("store query (session.QueryAsync: build SQL, run it, read rows)", query, n, crmKit),
            Line("rows to records (JSON parse of data)", toRecords, n, crmKit),
            Line("sum of the steps above", sum, n, crmKit),
            Line("rest (service overhead, GC)", crmKit - sum, n, crmKit),
            Line("CrmKit QueryAsync, host with Max Auto Prepare=20;No Reset On Close=true (no target)", autoPrepared, n, crmKit),
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
            "{0,-84} {1,10} {2,9:0.00} µs/lookup {3,6:0.0}%",
            stage,
            BenchmarkReport.Duration(time),
            time.TotalMicroseconds / count,
            100 * time / total);
}
