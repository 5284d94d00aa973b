using System.Diagnostics;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Query;

/// <summary>
/// Query by an indexed custom field: a table of N contacts (made by CrmKit, filled with raw inserts), looked up by
/// <c>referral_code</c> (about five records per code) through <c>IRecordService.QueryAsync</c> and through the
/// equivalent raw SQL on one open connection with one prepared command, the same values for both.
/// </summary>
internal sealed partial class QueryBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "query";
    private const double RawTarget = 1.5;
    private const int Limit = 50;
    private const int RowsPerCode = 5;
    private const int ChunksPerRound = 10;

    private string _crmKitSql = RawLookup.Sql;

    public async Task RunAsync()
    {
        var rows = settings.QueryRows;
        var codes = Math.Max(1, rows / RowsPerCode);
        Console.WriteLine();
        Console.WriteLine($"== query: {rows:N0} contacts, {settings.Lookups:N0} lookups per round by {ContactSchema.QueryField} (≈{RowsPerCode} rows per value), limit {Limit} ==");
        var path = SqliteFiles.NewPath(settings.WorkDirectory, "query");
        try
        {
            await using var crm = await CrmKitInstance.StartAsync(path);
            await ContactSchema.CreateAsync(crm.Metadata);
            Populate(path, rows, codes);
            await ExplainAsync(crm, ContactGenerator.ReferralCode(0));

            var random = new Random(7);
            // A full round's worth of other values, so tiered JIT has settled before the first measured round.
            var warmUp = Enumerable.Range(0, settings.Lookups).Select(_ => ContactGenerator.ReferralCode(random.Next(codes))).ToArray();
            var values = Enumerable.Range(0, settings.Lookups).Select(_ => ContactGenerator.ReferralCode(random.Next(codes))).ToArray();

            using var connection = SqliteFiles.Open(path);
            using var raw = new RawLookup(connection);
            var contenders = new (string Name, Func<string[], Task<(TimeSpan Elapsed, long Rows)>> Run)[]
            {
                ("raw SQL (open connection, prepared command)", v => Task.FromResult(raw.Run(v))),
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
                    report.SanityFailure($"query: the contenders found different numbers of records: {string.Join(" vs ", found)}");
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
                $"query {rows:N0} by indexed field: CrmKit ≤ {RawTarget}x raw SQL",
                $"{ratio:0.00}x (best of {settings.Rounds}; median {samples[1].Median / samples[0].Median:0.00}x; paired chunks {pairedMedian:0.00}x)",
                ratio <= RawTarget));

            await BreakdownAsync(crm, connection, values, samples[1].Best, samples[0].Best);
        }
        finally
        {
            SqliteFiles.Delete(path);
        }
    }

    /// <summary>Fills CrmKit's table with raw inserts (the fast way to a million rows); 1% are soft-deleted.</summary>
    private void Populate(string path, int rows, int codes)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new ContactGenerator(seed: 1, referralCodes: codes);
        using (var connection = SqliteFiles.Open(path))
        {
            const int Chunk = 100_000;
            var now = DateTimeOffset.UtcNow;
            var nowText = CanonicalInstant.ToText(now);
            for (var start = 0; start < rows; start += Chunk)
            {
                using var transaction = connection.BeginTransaction();
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO e_contact (id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data)
                    VALUES (@id, 1, @now, 'bench', @now, 'bench', NULL, @deleted_at, @data)
                    """;
                var id = command.Parameters.Add("@id", SqliteType.Text);
                command.Parameters.Add("@now", SqliteType.Text).Value = nowText;
                var deleted = command.Parameters.Add("@deleted_at", SqliteType.Text);
                var data = command.Parameters.Add("@data", SqliteType.Text);
                command.Prepare();
                for (var i = start; i < Math.Min(rows, start + Chunk); i++)
                {
                    id.Value = Guid.CreateVersion7(now).ToString("D");
                    deleted.Value = i % 100 == 99 ? nowText : DBNull.Value;
                    data.Value = ContactGenerator.ToStoredJson(generator.NextInputJson(i));
                    command.ExecuteNonQuery();
                }

                transaction.Commit();
                if (rows > Chunk)
                {
                    Console.Write($"\r  populating: {Math.Min(rows, start + Chunk):N0} / {rows:N0}");
                }
            }

            SqliteFiles.Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }

        Console.WriteLine($"\r  populated {rows:N0} rows in {BenchmarkReport.Duration(stopwatch.Elapsed)} (database {SqliteFiles.FileSize(path) / (1024.0 * 1024):N0} MiB)");
        report.Note(Name, $"Table: {rows:N0} contacts (1% soft-deleted) in CrmKit's e_contact, {codes:N0} distinct {ContactSchema.QueryField} values; database {SqliteFiles.FileSize(path) / (1024.0 * 1024):N0} MiB.");
    }

    /// <summary>
    /// Prints the SQL CrmKit generates for the filter and its <c>EXPLAIN QUERY PLAN</c> (through the store's
    /// <c>ExplainAsync</c>), and checks that the plan searches the field's expression index; the same for raw SQL.
    /// </summary>
    private async Task ExplainAsync(CrmKitInstance crm, string value)
    {
        var compiled = crm.Registry.Get(ContactSchema.Entity);
        var filter = FilterParser.Parse($"{ContactSchema.QueryField} eq '{value}'", compiled.Definition, compiled.KindOf);
        var sort = SortParser.Parse(null, compiled.Definition, compiled.KindOf);
        await using var session = await crm.Store.BeginSessionAsync(write: false, CancellationToken.None);
        var plan = await session.ExplainAsync(compiled.Storage, new StoreQuery { Filter = filter, Sort = sort, Limit = Limit + 1 }, CancellationToken.None);
        var index = "ix_contact__" + ContactSchema.QueryField;
        var uses = plan.UsesIndex(index);
        _crmKitSql = plan.Sql;
        var text = $"CrmKit SQL for filter \"{ContactSchema.QueryField} eq '{value}'\", limit {Limit}:\n  {plan.Sql}\nEXPLAIN QUERY PLAN:\n" +
            string.Join("\n", plan.Steps.Select(s => "  " + s));
        Console.WriteLine("  " + text.Replace("\n", "\n  ", StringComparison.Ordinal));

        using var connection = SqliteFiles.Open(crm.Path);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + RawLookup.Sql;
        command.Parameters.AddWithValue("@v", value);
        var rawSteps = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rawSteps.Add(reader.GetString(3));
            }
        }

        var rawText = "Raw SQL:\n  " + RawLookup.Sql.ReplaceLineEndings(" ") + "\nEXPLAIN QUERY PLAN:\n" + string.Join("\n", rawSteps.Select(s => "  " + s));
        Console.WriteLine("  " + rawText.Replace("\n", "\n  ", StringComparison.Ordinal));
        report.Note(Name, text);
        report.Note(Name, rawText);
        report.Add(new TargetRow($"query plan of CrmKit's SQL uses {index}", uses ? "USING INDEX " + index : string.Join("; ", plan.Steps), uses));
        if (!rawSteps.Any(s => s.Contains("INDEX " + index, StringComparison.Ordinal)))
        {
            report.SanityFailure("query: the raw SQL baseline does not use " + index + ": " + string.Join("; ", rawSteps));
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
