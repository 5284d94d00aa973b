using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core;
using CrmKit.Core.Outbox;
using CrmKit.Core.Workflows;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Benchmarks.Workflows;

/// <summary>
/// The cost of the workflow trigger hook on the hot path: saving records (create a lead, then update its title) in a
/// host with 50 enabled workflows whose triggers do not match (25 on another entity, 25 on lead updates filtered to a
/// field that does not change) against the same host with none. Two SQLite files, interleaved rounds, one process.
/// Target: at most 1.10x (median).
/// </summary>
internal sealed class WorkflowTriggerBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "workflows";
    private const double TargetRatio = 1.10;
    private const int RoundCount = 9;
    private const int WorkflowCount = 50;

    public async Task RunAsync()
    {
        var saves = settings.Quick ? 300 : 2_000;
        Console.WriteLine();
        Console.WriteLine($"== workflows: {saves} lead saves (create + update) per round, {WorkflowCount} non-matching workflows vs none, {RoundCount} interleaved rounds ==");
        var principal = new CrmPrincipal("bench", "Bench", ["administrator"], CrmChannel.System);
        await using var none = await HostAsync();
        await using var fifty = await HostAsync();
        var definitions = fifty.Provider.GetRequiredService<IWorkflowDefinitionService>();
        for (var i = 0; i < WorkflowCount; i++)
        {
            var trigger = i % 2 == 0
                ? new JsonObject { ["type"] = "record.created", ["entity"] = "deal" }
                : new JsonObject { ["type"] = "record.updated", ["entity"] = "lead", ["fields"] = new JsonArray("status"), ["to"] = new JsonObject { ["status"] = "converted" } };
            await definitions.SaveAsync(new JsonObject
            {
                ["name"] = "bench-" + i.ToString(CultureInfo.InvariantCulture),
                ["trigger"] = trigger,
                ["steps"] = new JsonArray(new JsonObject { ["id"] = "wait", ["action"] = "delay", ["parameters"] = new JsonObject { ["duration"] = "PT1S" } }),
            }, null, principal);
        }

        var without = new Samples();
        var with = new Samples();
        for (var round = -1; round < RoundCount; round++)
        {
            var a = await TimeAsync(none.Records, principal, saves);
            var b = await TimeAsync(fifty.Records, principal, saves);
            if (round >= 0)
            {
                without.Add(a);
                with.Add(b);
                Console.WriteLine($"  round {round + 1}: none {BenchmarkReport.Duration(a),10}   50 workflows {BenchmarkReport.Duration(b),10}");
            }
        }

        var runs = await fifty.Provider.GetRequiredService<IWorkflowRunService>().ListAsync("bench-1");
        if (runs.Count != 0)
        {
            report.SanityFailure("workflows: a non-matching workflow started a run");
        }

        var label = $"{Name}: save a lead (create + update)";
        report.Add(new ResultRow(label, "no workflows (baseline)", without, saves, "save", null));
        report.Add(new ResultRow(label, $"{WorkflowCount} enabled, non-matching workflows", with, saves, "save", without));
        var ratio = with.Median / without.Median;
        report.Add(new TargetRow(
            $"workflows: saving a record with {WorkflowCount} non-matching workflows vs none: ≤ {TargetRatio:0.00}x (median)",
            string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}x ({with.Median.TotalMicroseconds / saves:0.0} µs vs {without.Median.TotalMicroseconds / saves:0.0} µs per save); best rounds {with.Best / without.Best:0.00}x"),
            ratio <= TargetRatio));
    }

    private static async Task<TimeSpan> TimeAsync(IRecordService records, CrmPrincipal principal, int saves)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < saves; i++)
        {
            var lead = (await records.CreateAsync(principal, "lead", [new JsonObject { ["title"] = "Lead", ["status"] = "new" }]))[0];
            await records.UpdateAsync(principal, "lead", lead.Id, new JsonObject { ["title"] = "Lead 2" }, null);
        }

        return watch.Elapsed;
    }

    private static async Task<BenchHost> HostAsync()
    {
        var folder = Directory.CreateTempSubdirectory("crmkit-bench-workflows-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCrmKit().UseSqlite($"Data Source={Path.Combine(folder, "crm.db")}");
        // Nothing is dispatched or scheduled: only the cost of the save path is measured.
        services.Configure<OutboxOptions>(o => o.Enabled = false);
        services.Configure<WorkflowEngineOptions>(o => o.SchedulerEnabled = false);
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new BenchHost(provider, folder);
    }

    private sealed class BenchHost(ServiceProvider provider, string folder) : IAsyncDisposable
    {
        public ServiceProvider Provider => provider;

        public IRecordService Records => provider.GetRequiredService<IRecordService>();

        public async ValueTask DisposeAsync()
        {
            await provider.DisposeAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp folders.
            }
        }
    }
}
