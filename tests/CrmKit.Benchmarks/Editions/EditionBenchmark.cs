using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core;
using CrmKit.Core.Editions;
using CrmKit.Core.Metadata;
using CrmKit.Distribution;
using CrmKit.Editions;
using CrmKit.Plugins;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Benchmarks.Editions;

/// <summary>
/// <c>crmkit edition plan</c> and <c>install</c> of an edition with 10 plugins and 30 entities from a folder feed, in a
/// real host (SQLite, plugin runtime, plugin distribution, editions), against baselines measured in the same run: for
/// the plan, opening and reading the same edition package from disk; for the install, creating the same 30 entities
/// with their seed records straight through the metadata and records services (no plugins, no feed). Each install round
/// starts from a fresh host folder and database.
/// </summary>
internal sealed class EditionBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "editions";
    private static readonly TimeSpan PlanTarget = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan InstallTarget = TimeSpan.FromSeconds(10);
    private static readonly CrmPrincipal Admin = new("admin", "Admin", ["administrator"], CrmChannel.Rest);

    private readonly string _root = Path.Combine(settings.WorkDirectory, "editions-bench");
    private int _hosts;

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"== editions: plan and install of {EditionBenchSet.PluginCount} plugins + {EditionBenchSet.EntityCount} entities from a folder feed, {settings.Rounds} rounds after a warm-up ==");
        var config = EditionBenchSet.Create(_root);
        var package = Directory.GetFiles(Path.Combine(_root, "feed"), EditionBenchSet.EditionId + ".*.nupkg").Single();
        report.Note(Name, $"Feed: {EditionBenchSet.PluginCount} plugin packages (Fixture.Bench copies) and the edition ({EditionBenchSet.EntityCount} entities × 8 fields, {EditionBenchSet.SeedPerEntity} seed records each) in a local folder; SQLite host with the real plugin runtime and distribution.");

        var plan = new Samples();
        var read = new Samples();
        var install = new Samples();
        var direct = new Samples();
        await using (var host = await StartAsync(config))
        {
            await TimePlanAsync(host);
            TimeRead(package);
            for (var round = 0; round < settings.Rounds; round++)
            {
                plan.Add(await TimePlanAsync(host));
                read.Add(TimeRead(package));
                Console.WriteLine($"  round {round + 1}: plan {BenchmarkReport.Duration(plan.Rounds[^1]),10}   read package {BenchmarkReport.Duration(read.Rounds[^1]),10}");
            }
        }

        await TimeInstallAsync(config);
        await TimeDirectAsync(package);
        for (var round = 0; round < settings.Rounds; round++)
        {
            install.Add(await TimeInstallAsync(config));
            direct.Add(await TimeDirectAsync(package));
            Console.WriteLine($"  round {round + 1}: install {BenchmarkReport.Duration(install.Rounds[^1]),10}   entities and seed directly {BenchmarkReport.Duration(direct.Rounds[^1]),10}");
        }

        Console.WriteLine("  the crmkit tool as a process against the real server process:");
        var cli = new EditionCliRounds(settings, _root, config);
        var (cliPlan, planList) = await cli.PlanAsync();
        var (cliInstall, installList) = await cli.InstallAsync();

        report.Add(new ResultRow($"{Name}: plan", "read the edition package (baseline)", read, 1, "plan", null));
        report.Add(new ResultRow($"{Name}: plan", "IEditionService.PlanAsync (feed, plugins, metadata diff)", plan, 1, "plan", read));
        report.Add(new ResultRow($"{Name}: plan (command)", "crmkit edition list (baseline: the tool's start and one request)", planList, 1, "run", null));
        report.Add(new ResultRow($"{Name}: plan (command)", "crmkit edition plan (process, real server)", cliPlan, 1, "run", planList));
        report.Add(new ResultRow($"{Name}: install", "create entities and seed directly (baseline)", direct, 1, "install", null));
        report.Add(new ResultRow($"{Name}: install", "IEditionService.ApplyAsync (plugins, one transaction)", install, 1, "install", direct));
        report.Add(new ResultRow($"{Name}: install (command)", "crmkit edition list (baseline: the tool's start and one request)", installList, 1, "run", null));
        report.Add(new ResultRow($"{Name}: install (command)", "crmkit edition install (process, fresh real server)", cliInstall, 1, "run", installList));
        report.Add(new TargetRow($"editions: crmkit edition plan, {EditionBenchSet.PluginCount} plugins + {EditionBenchSet.EntityCount} entities from a folder feed < {PlanTarget.TotalSeconds:0} s (median)",
            Ms(cliPlan.Median) + " median, best " + Ms(cliPlan.Best) + $" (in process {Ms(plan.Median)})", cliPlan.Median < PlanTarget));
        report.Add(new TargetRow($"editions: crmkit edition install of the same < {InstallTarget.TotalSeconds:0} s (median)",
            Ms(cliInstall.Median) + " median, best " + Ms(cliInstall.Best) + $" (in process {Ms(install.Median)})", cliInstall.Median < InstallTarget));
    }

    private static async Task<TimeSpan> TimePlanAsync(BenchHost host)
    {
        Rounds.Settle();
        var stopwatch = Stopwatch.StartNew();
        var result = await host.Editions.PlanAsync(new EditionRequest { Id = EditionBenchSet.EditionId }, Admin, CancellationToken.None);
        stopwatch.Stop();
        if (!result.CanApply || result.Plugins.Count != EditionBenchSet.PluginCount || result.Entities.Count != EditionBenchSet.EntityCount)
        {
            throw new InvalidOperationException("The benchmark edition's plan is wrong: " + string.Join("; ", result.Problems.Select(p => p.Message)));
        }

        return stopwatch.Elapsed;
    }

    private static TimeSpan TimeRead(string package)
    {
        Rounds.Settle();
        var stopwatch = Stopwatch.StartNew();
        _ = EditionPackageReader.Read(package);
        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    private async Task<TimeSpan> TimeInstallAsync(string config)
    {
        await using var host = await StartAsync(config);
        Rounds.Settle();
        var stopwatch = Stopwatch.StartNew();
        await host.Editions.ApplyAsync(new EditionRequest { Id = EditionBenchSet.EditionId }, Admin, CancellationToken.None);
        stopwatch.Stop();
        var loaded = host.Services.GetRequiredService<Core.Plugins.IPluginManager>().List().Count(p => p.State == Core.Plugins.PluginState.Loaded);
        if (host.Services.GetRequiredService<IMetadataService>().GetEntities().Count(e => e.Name.StartsWith("bench_entity_", StringComparison.Ordinal)) != EditionBenchSet.EntityCount
            || loaded != EditionBenchSet.PluginCount)
        {
            throw new InvalidOperationException($"The benchmark edition was not installed ({loaded} plugins loaded).");
        }

        return stopwatch.Elapsed;
    }

    /// <summary>The baseline: the same entities and seed records through the services, without plugins, feed or edition.</summary>
    private async Task<TimeSpan> TimeDirectAsync(string package)
    {
        var documents = EditionPackageReader.Read(package);
        await using var host = await StartAsync(config: null);
        var metadata = host.Services.GetRequiredService<IMetadataService>();
        var records = host.Services.GetRequiredService<Sdk.Records.IRecordService>();
        Rounds.Settle();
        var stopwatch = Stopwatch.StartNew();
        foreach (var (document, seed) in documents)
        {
            await metadata.CreateEntityAsync(Admin, (JsonObject)document.DeepClone());
            foreach (var values in seed)
            {
                await records.CreateAsync(Admin, document["x-crm-entity"]!.GetValue<string>(), [(JsonObject)values.DeepClone()]);
            }
        }

        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    private async Task<BenchHost> StartAsync(string? config)
    {
        var folder = Path.Combine(_root, "host-" + (++_hosts).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        var crm = services.AddCrmKit(o => o.MetadataRefreshInterval = TimeSpan.Zero)
            .UseSqlite($"Data Source={Path.Combine(folder, "crm.db")}")
            .AddPlugins(o =>
            {
                o.Directory = Path.Combine(folder, "plugins");
                o.WatchDirectory = false;
            });
        if (config is not null)
        {
            crm.AddPluginPackages(o =>
            {
                o.NuGetConfig = config;
                o.LockFile = Path.Combine(folder, "plugins.lock.json");
            }).AddEditions(o => o.PackageFolder = Path.Combine(folder, "edition-packages"));
        }

        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new BenchHost(provider);
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private sealed class BenchHost(ServiceProvider provider) : IAsyncDisposable
    {
        public IServiceProvider Services => provider;

        public IEditionService Editions => provider.GetRequiredService<IEditionService>();

        public async ValueTask DisposeAsync()
        {
            foreach (var hosted in provider.GetServices<IHostedService>().Reverse())
            {
                await hosted.StopAsync(CancellationToken.None);
            }

            await provider.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }
}
