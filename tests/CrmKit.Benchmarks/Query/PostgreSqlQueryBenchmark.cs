using System.Diagnostics;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;
using CrmKit.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace CrmKit.Benchmarks.Query;

/// <summary>
/// Query by an indexed custom field on PostgreSQL: the <c>query</c> benchmark's table (N contacts made by CrmKit's
/// PostgreSQL store, filled with raw binary COPY, then VACUUM ANALYZE), looked up by <c>referral_code</c> through
/// <c>IRecordService.QueryAsync</c> and through the equivalent raw SQL on one open Npgsql connection with one prepared
/// command on the same expression index, the same values for both.
/// </summary>
internal sealed partial class PostgreSqlQueryBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "query-pg";
    private const double RawTarget = 1.5;
    private const int Limit = 50;
    private const int RowsPerCode = 5;
    private const int ChunksPerRound = 10;
    private const string Index = "ix_contact__" + ContactSchema.QueryField;

    private string _crmKitSql = PostgreSqlRawLookup.Sql;

    public async Task RunAsync()
    {
        var rows = settings.QueryRows;
        var codes = Math.Max(1, rows / RowsPerCode);
        Console.WriteLine();
        Console.WriteLine($"== query-pg: {rows:N0} contacts on PostgreSQL, {settings.Lookups:N0} lookups per round by {ContactSchema.QueryField} (≈{RowsPerCode} rows per value), limit {Limit} ==");
        if (!PostgreSqlServer.IsConfigured(Name, report))
        {
            return;
        }

        var server = await PostgreSqlServer.DescribeAsync();
        Console.WriteLine("  server: " + server);
        report.Note(Name, "Server: " + server);
        await using var database = await PostgreSqlServer.CreateDatabaseAsync();
        await using var crm = await PostgreSqlCrmKitInstance.StartAsync(database.ConnectionString);
        await ContactSchema.CreateAsync(crm.Metadata);
        Populate(database, rows, codes);
        await ExplainAsync(crm, database, ContactGenerator.ReferralCode(0));

        var random = new Random(7);
        // A full round's worth of other values, so tiered JIT has settled before the first measured round.
        var warmUp = Enumerable.Range(0, settings.Lookups).Select(_ => ContactGenerator.ReferralCode(random.Next(codes))).ToArray();
        var values = Enumerable.Range(0, settings.Lookups).Select(_ => ContactGenerator.ReferralCode(random.Next(codes))).ToArray();

        using var connection = database.Open();
        using var raw = new PostgreSqlRawLookup(connection);
        var contenders = new (string Name, Func<string[], Task<(TimeSpan Elapsed, long Rows)>> Run)[]
        {
            ("raw Npgsql (open connection, prepared command)", v => Task.FromResult(raw.Run(v))),
            ("CrmKit IRecordService.QueryAsync", v => RunCrmKitAsync(crm.Records, v)),
        };
        var samples = contenders.Select(_ => new Samples()).ToArray();
        foreach (var contender in contenders)
        {
            await contender.Run(warmUp);
        }

        // Each round interleaves the contenders in chunks of the same lookups (alternating who goes first), so a
        // burst of load on the machine hits both contenders alike instead of one whole round of one of them.
        var chunks = values.Chunk(Math.Max(1, values.Length / ChunksPerRound)).ToArray();
        var chunkRatios = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var found = new long[contenders.Length];
            var elapsed = new TimeSpan[contenders.Length];
            Rounds.ForceGc();
            for (var c = 0; c < chunks.Length; c++)
            {
                var chunkTimes = new TimeSpan[contenders.Length];
                foreach (var i in Rounds.Rotate(Enumerable.Range(0, contenders.Length).ToList(), round + c))
                {
                    var (time, count) = await contenders[i].Run(chunks[c]);
                    chunkTimes[i] = time;
                    elapsed[i] += time;
                    found[i] += count;
                }

                chunkRatios.Add(chunkTimes[1] / chunkTimes[0]);
            }

            for (var i = 0; i < contenders.Length; i++)
            {
                samples[i].Add(elapsed[i]);
                Console.WriteLine($"  round {round + 1}: {contenders[i].Name,-46} {BenchmarkReport.Duration(elapsed[i]),10}  ({elapsed[i].TotalMicroseconds / values.Length:0.0} µs/lookup, {found[i]:N0} records)");
            }

            if (found.Distinct().Count() != 1)
            {
                report.SanityFailure($"query-pg: the contenders found different numbers of records: {string.Join(" vs ", found)}");
            }
        }

        chunkRatios.Sort();
        var pairedMedian = chunkRatios[chunkRatios.Count / 2];
        Console.WriteLine($"  paired ratio (median over {chunkRatios.Count} interleaved chunks of {chunks[0].Length} lookups): {pairedMedian:0.00}x");
        report.Note(Name, $"Paired ratio CrmKit / raw, median over {chunkRatios.Count} interleaved chunks of {chunks[0].Length} lookups: {pairedMedian:0.00}x " +
            $"(min {chunkRatios[0]:0.00}x, max {chunkRatios[^1]:0.00}x).");

        report.Add(new ResultRow(Name, contenders[0].Name, samples[0], values.Length, "lookup", null));
        report.Add(new ResultRow(Name, contenders[1].Name, samples[1], values.Length, "lookup", samples[0]));
        var ratio = samples[1].Best / samples[0].Best;
        report.Add(new TargetRow(
            $"query-pg {rows:N0} by indexed field on PostgreSQL: CrmKit ≤ {RawTarget}x raw Npgsql (prepared)",
            $"{ratio:0.00}x (best of {settings.Rounds}; median {samples[1].Median / samples[0].Median:0.00}x; paired chunks {pairedMedian:0.00}x)",
            ratio <= RawTarget));

        await BreakdownAsync(crm, database, connection, values, samples[1].Best, samples[0].Best);
    }

    /// <summary>
    /// Fills CrmKit's table with one binary COPY (the fast way to a million rows; 1% soft-deleted), then
    /// <c>VACUUM ANALYZE</c> so the planner has statistics and the visibility map is set, as on a settled database.
    /// </summary>
    private void Populate(PostgreSqlDatabase database, int rows, int codes)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new ContactGenerator(seed: 1, referralCodes: codes);
        using var connection = database.Open();
        var now = DateTimeOffset.UtcNow;
        var nowText = CanonicalInstant.ToText(now);
        using (var importer = connection.BeginBinaryImport(
            "COPY e_contact (id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data_text) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < rows; i++)
            {
                importer.StartRow();
                importer.Write(Guid.CreateVersion7(now), NpgsqlDbType.Uuid);
                importer.Write(1L, NpgsqlDbType.Bigint);
                importer.Write(nowText, NpgsqlDbType.Text);
                importer.Write("bench", NpgsqlDbType.Text);
                importer.Write(nowText, NpgsqlDbType.Text);
                importer.Write("bench", NpgsqlDbType.Text);
                importer.WriteNull();
                if (i % 100 == 99)
                {
                    importer.Write(nowText, NpgsqlDbType.Text);
                }
                else
                {
                    importer.WriteNull();
                }

                importer.Write(ContactGenerator.ToStoredJson(generator.NextInputJson(i)), NpgsqlDbType.Text);
                if (rows > 100_000 && (i + 1) % 100_000 == 0)
                {
                    Console.Write($"\r  populating: {i + 1:N0} / {rows:N0}");
                }
            }

            importer.Complete();
        }

        PostgreSqlDatabase.Execute(connection, "VACUUM (ANALYZE) e_contact");
        var size = database.SizeMiB();
        Console.WriteLine($"\r  populated {rows:N0} rows in {BenchmarkReport.Duration(stopwatch.Elapsed)} (COPY + VACUUM ANALYZE; database {size:N0} MiB)");
        report.Note(Name, $"Table: {rows:N0} contacts (1% soft-deleted) in CrmKit's e_contact, {codes:N0} distinct {ContactSchema.QueryField} values; " +
            $"filled with binary COPY, then VACUUM (ANALYZE); database {size:N0} MiB.");
    }

    /// <summary>
    /// Prints the SQL CrmKit generates for the filter and its <c>EXPLAIN</c> (through the session's
    /// <c>ExplainAsync</c>), and checks that the plan reads the field's expression index; the same for the raw SQL.
    /// </summary>
    private async Task ExplainAsync(PostgreSqlCrmKitInstance crm, PostgreSqlDatabase database, string value)
    {
        var compiled = crm.Registry.Get(ContactSchema.Entity);
        var filter = FilterParser.Parse($"{ContactSchema.QueryField} eq '{value}'", compiled.Definition, compiled.KindOf);
        var sort = SortParser.Parse(null, compiled.Definition, compiled.KindOf);
        PostgreSqlQueryPlan plan;
        await using (var session = await crm.Store.BeginSessionAsync(write: false, CancellationToken.None))
        {
            plan = await session.ExplainAsync(compiled.Storage, new StoreQuery { Filter = filter, Sort = sort, Limit = Limit + 1 }, CancellationToken.None);
        }

        var uses = plan.UsesIndex(Index);
        _crmKitSql = plan.Sql;
        var text = $"CrmKit SQL for filter \"{ContactSchema.QueryField} eq '{value}'\", limit {Limit}:\n  {plan.Sql}\nEXPLAIN:\n" +
            string.Join("\n", plan.Lines.Select(s => "  " + s));
        Console.WriteLine("  " + text.Replace("\n", "\n  ", StringComparison.Ordinal));

        var rawLines = new List<string>();
        using (var connection = database.Open())
        using (var command = new NpgsqlCommand("EXPLAIN " + PostgreSqlRawLookup.Sql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = value });
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rawLines.Add(reader.GetString(0));
            }
        }

        var rawText = "Raw SQL:\n  " + PostgreSqlRawLookup.Sql.ReplaceLineEndings(" ") + "\nEXPLAIN:\n" + string.Join("\n", rawLines.Select(s => "  " + s));
        Console.WriteLine("  " + rawText.Replace("\n", "\n  ", StringComparison.Ordinal));
        report.Note(Name, text);
        report.Note(Name, rawText);
        report.Add(new TargetRow(
            $"query-pg: the plan of CrmKit's SQL uses {Index} (EXPLAIN through PostgreSqlCrmStoreSession.ExplainAsync)",
            uses ? plan.Lines.First(l => l.Contains(Index, StringComparison.Ordinal)).Trim() : string.Join("; ", plan.Lines.Select(l => l.Trim())),
            uses));
        if (!new PostgreSqlQueryPlan(PostgreSqlRawLookup.Sql, rawLines).UsesIndex(Index))
        {
            report.SanityFailure("query-pg: the raw SQL baseline does not use " + Index + ": " + string.Join("; ", rawLines.Select(l => l.Trim())));
        }
    }

    private static async Task<(TimeSpan, long)> RunCrmKitAsync(IRecordService records, string[] values)
    {
        var found = 0L;
        var stopwatch = Stopwatch.StartNew();
        foreach (var value in values)
        {
            var page = await records.QueryAsync(ContactSchema.Principal, ContactSchema.Entity, new RecordQuery
            {
                Filter = $"{ContactSchema.QueryField} eq '{value}'",
                Limit = Limit,
            });
            found += page.Items.Count;
        }

        stopwatch.Stop();
        return (stopwatch.Elapsed, found);
    }
}
