using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Data;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Benchmarks.Security;

/// <summary>
/// What permission checks cost on record reads and queries: the same calls on the same data by an administrator
/// (unrestricted: the baseline) and by a head of sales whose role reads the team's contacts with one field hidden. Every
/// contact is owned by a member of the team, so both see the same rows: the difference is the checks — the role's
/// compiled access, the owner scope added to each query (<c>owner_id in (...)</c>) and checked on each read, the hidden
/// field cut from every returned record. Each call's records are used the way callers of the service use them: their
/// values are read (<see cref="CrmRecord.Values"/>). The same comparison with the cheapest possible use (only the length
/// of the values text) is reported beside it. Interleaved chunks, rotated order. Target: at most 1.10x (median).
/// </summary>
internal sealed class SecurityBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "security";
    private const double TargetRatio = 1.10;
    private const int TeamSize = 8;
    private const int Limit = 50;
    private const int ChunksPerRound = 10;
    private const string HiddenField = "credit_limit";

    public async Task RunAsync()
    {
        var rows = settings.Quick ? 20_000 : 200_000;
        var codes = Math.Max(1, rows / 5);
        var calls = settings.Lookups;
        Console.WriteLine();
        Console.WriteLine($"== security: {rows:N0} contacts owned by a team of {TeamSize}; {calls:N0} reads by id and {calls:N0} queries by {ContactSchema.QueryField} per round, administrator vs head of sales (team scope, {HiddenField} hidden) ==");
        var path = SqliteFiles.NewPath(settings.WorkDirectory, "security");
        try
        {
            await using var crm = await CrmKitInstance.StartAsync(path);
            await ContactSchema.CreateAsync(crm.Metadata);
            var ids = Populate(path, rows, codes);
            var head = await DirectoryAsync(crm);
            var admin = ContactSchema.Principal;

            var random = new Random(11);
            var readIds = Enumerable.Range(0, calls).Select(_ => ids[random.Next(ids.Count)]).ToArray();
            var values = Enumerable.Range(0, calls).Select(_ => ContactGenerator.ReferralCode(random.Next(codes))).ToArray();
            await CheckSameRowsAsync(crm.Records, admin, head, readIds, values);

            var reads = await MeasureAsync("read by id", admin, head, readIds, (p, chunk) => ReadAsync(crm.Records, p, chunk, Use));
            var queries = await MeasureAsync("query by indexed field", admin, head, values, (p, chunk) => QueryAsync(crm.Records, p, chunk, Use));
            Verdict("record reads (GetAsync by id)", reads, calls);
            Verdict($"queries ({ContactSchema.QueryField} eq ..., limit {Limit})", queries, calls);

            // The least a caller can do with a record: take the length of its values text. No target: it shows the
            // checks' cost against the smallest possible baseline.
            var bareReads = await MeasureAsync("read by id, text length only", admin, head, readIds, (p, chunk) => ReadAsync(crm.Records, p, chunk, Length));
            var bareQueries = await MeasureAsync("query, text length only", admin, head, values, (p, chunk) => QueryAsync(crm.Records, p, chunk, Length));
            Note("record reads", bareReads);
            Note("queries", bareQueries);
        }
        finally
        {
            SqliteFiles.Delete(path);
        }
    }

    private async Task<(Samples Admin, Samples Head, double Paired)> MeasureAsync<T>(
        string what, CrmPrincipal admin, CrmPrincipal head, T[] inputs, Func<CrmPrincipal, T[], Task<TimeSpan>> run)
    {
        // Warm-up of both for at least a second, then a pause: tiered JIT compiles the hot methods in the background a
        // while after they get hot, and a short run would otherwise bill unoptimized code to whichever path is newer.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            await run(admin, inputs);
            await run(head, inputs);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var chunks = inputs.Chunk(Math.Max(1, inputs.Length / ChunksPerRound)).ToArray();
        var adminSamples = new Samples();
        var headSamples = new Samples();
        var ratios = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            Rounds.ForceGc();
            var a = TimeSpan.Zero;
            var h = TimeSpan.Zero;
            for (var c = 0; c < chunks.Length; c++)
            {
                TimeSpan ta, th;
                if ((round + c) % 2 == 0)
                {
                    ta = await run(admin, chunks[c]);
                    th = await run(head, chunks[c]);
                }
                else
                {
                    th = await run(head, chunks[c]);
                    ta = await run(admin, chunks[c]);
                }

                a += ta;
                h += th;
                ratios.Add(th / ta);
            }

            adminSamples.Add(a);
            headSamples.Add(h);
            Console.WriteLine($"  {what}, round {round + 1}: administrator {BenchmarkReport.Duration(a),10}   head of sales {BenchmarkReport.Duration(h),10}");
        }

        ratios.Sort();
        return (adminSamples, headSamples, ratios[ratios.Count / 2]);
    }

    private void Verdict(string what, (Samples Admin, Samples Head, double Paired) result, int calls)
    {
        var label = $"{Name}: {what}";
        report.Add(new ResultRow(label, "administrator (unrestricted, baseline)", result.Admin, calls, "call", null));
        report.Add(new ResultRow(label, "head of sales (team scope, a hidden field)", result.Head, calls, "call", result.Admin));
        var ratio = result.Head.Median / result.Admin.Median;
        report.Add(new TargetRow(
            $"security: permission checks on {what}: ≤ {TargetRatio:0.00}x the administrator's (median)",
            string.Create(CultureInfo.InvariantCulture,
                $"{ratio:0.00}x ({result.Head.Median.TotalMicroseconds / calls:0.0} µs vs {result.Admin.Median.TotalMicroseconds / calls:0.0} µs per call); best rounds {result.Head.Best / result.Admin.Best:0.00}x; paired chunks {result.Paired:0.00}x"),
            ratio <= TargetRatio));
    }

    private void Note(string what, (Samples Admin, Samples Head, double Paired) result) =>
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{what} using only the length of the values text: head of sales / administrator {result.Head.Median / result.Admin.Median:0.00}x (median), paired chunks {result.Paired:0.00}x."));

    /// <summary>What callers of the service do with a record: read its values.</summary>
    private static int Use(CrmRecord record) => record.Values.Count;

    private static int Length(CrmRecord record) => record.ValuesJson.Length;

    private static async Task<TimeSpan> ReadAsync(IRecordService records, CrmPrincipal principal, Guid[] ids, Func<CrmRecord, int> use)
    {
        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var record = await records.GetAsync(principal, ContactSchema.Entity, id);
            _ = use(record!);
        }

        return watch.Elapsed;
    }

    private static async Task<TimeSpan> QueryAsync(IRecordService records, CrmPrincipal principal, string[] values, Func<CrmRecord, int> use)
    {
        var watch = Stopwatch.StartNew();
        foreach (var value in values)
        {
            var page = await records.QueryAsync(principal, ContactSchema.Entity, new RecordQuery
            {
                Filter = $"{ContactSchema.QueryField} eq '{value}'",
                Limit = Limit,
            });
            foreach (var record in page.Items)
            {
                _ = use(record);
            }
        }

        return watch.Elapsed;
    }

    /// <summary>Both principals must see the same rows (and only the head of sales lose the hidden field).</summary>
    private async Task CheckSameRowsAsync(IRecordService records, CrmPrincipal admin, CrmPrincipal head, Guid[] ids, string[] values)
    {
        var a = await records.QueryAsync(admin, ContactSchema.Entity, new RecordQuery { Filter = $"{ContactSchema.QueryField} eq '{values[0]}'", Limit = Limit });
        var h = await records.QueryAsync(head, ContactSchema.Entity, new RecordQuery { Filter = $"{ContactSchema.QueryField} eq '{values[0]}'", Limit = Limit });
        var seen = await records.GetAsync(head, ContactSchema.Entity, ids[0]);
        var full = await records.GetAsync(admin, ContactSchema.Entity, ids[0]);
        if (a.Items.Count == 0 || a.Items.Count != h.Items.Count || seen is null || seen.Values.ContainsKey(HiddenField) ||
            !full!.Values.ContainsKey(HiddenField))
        {
            report.SanityFailure($"security: the contenders do not see the same rows ({a.Items.Count} vs {h.Items.Count}) or the field is not hidden");
        }
    }

    /// <summary>The role, the team and its members; returns the head of sales' principal as the REST layer would make it.</summary>
    private static async Task<CrmPrincipal> DirectoryAsync(CrmKitInstance crm)
    {
        var directory = crm.Services.GetRequiredService<ISecurityDirectoryService>();
        var admin = ContactSchema.Principal;
        var grant = new JsonObject { ["read"] = "team", ["update"] = "team", ["fields"] = new JsonObject { [HiddenField] = "hidden" } };
        await directory.SaveRoleAsync(admin, "head_of_sales", new JsonObject { ["entities"] = new JsonObject { [ContactSchema.Entity] = grant } }, null);
        var members = new JsonArray();
        for (var i = 0; i < TeamSize; i++)
        {
            await directory.CreateUserAsync(admin, new JsonObject
            {
                ["id"] = Owner(i),
                ["displayName"] = "Member " + i.ToString(CultureInfo.InvariantCulture),
                ["roles"] = new JsonArray(i == 0 ? "head_of_sales" : "administrator"),
            });
            members.Add(Owner(i));
        }

        await directory.CreateTeamAsync(admin, new JsonObject { ["id"] = "sales", ["displayName"] = "Sales", ["members"] = members });
        return crm.Services.GetRequiredService<IAccessControl>().PrincipalOf(Owner(0), CrmChannel.Rest)!;
    }

    private static string Owner(int i) => "member-" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Fills CrmKit's table with raw inserts, each contact owned by a member of the team; returns the ids.</summary>
    private List<Guid> Populate(string path, int rows, int codes)
    {
        var stopwatch = Stopwatch.StartNew();
        var generator = new ContactGenerator(seed: 3, referralCodes: codes);
        var ids = new List<Guid>(rows);
        using (var connection = SqliteFiles.Open(path))
        using (var transaction = connection.BeginTransaction())
        using (var command = connection.CreateCommand())
        {
            var now = DateTimeOffset.UtcNow;
            var nowText = CanonicalInstant.ToText(now);
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO e_contact (id, version, created_at, created_by, updated_at, updated_by, owner_id, deleted_at, data)
                VALUES (@id, 1, @now, 'bench', @now, 'bench', @owner, NULL, @data)
                """;
            var id = command.Parameters.Add("@id", SqliteType.Text);
            command.Parameters.Add("@now", SqliteType.Text).Value = nowText;
            var owner = command.Parameters.Add("@owner", SqliteType.Text);
            var data = command.Parameters.Add("@data", SqliteType.Text);
            command.Prepare();
            for (var i = 0; i < rows; i++)
            {
                var guid = Guid.CreateVersion7(now);
                ids.Add(guid);
                id.Value = guid.ToString("D");
                owner.Value = Owner(i % TeamSize);
                data.Value = ContactGenerator.ToStoredJson(generator.NextInputJson(i));
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        Console.WriteLine($"  populated {rows:N0} rows in {BenchmarkReport.Duration(stopwatch.Elapsed)}");
        report.Note(Name, $"Table: {rows:N0} contacts, each owned by one of the {TeamSize} members of the head of sales' team; {codes:N0} distinct {ContactSchema.QueryField} values.");
        return ids;
    }
}
