using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Plugins;

/// <summary>
/// The plugin runtime's cost: host start with 20 real plugins (copies of Fixture.Bench) against an empty host in the
/// same run, on an existing database (steady-state restart; the target) and on a new one (first start, the plugins'
/// fields created); then enabling and disabling one plugin in a running host.
/// </summary>
internal sealed partial class PluginStartBenchmark(BenchmarkSettings settings, BenchmarkReport report)
{
    public const string Name = "plugins";
    private const int PluginCount = 20;
    private const double PerPluginTargetMs = 30;

    private readonly string _root = Path.Combine(settings.WorkDirectory, "plugins-bench");
    private int _databases;

    private int RoundCount => settings.PluginRounds;

    public async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine($"== plugins: host start, empty vs {PluginCount} plugins, {RoundCount} interleaved rounds after a warm-up; run-time enable/disable ==");
        var empty = Path.Combine(_root, "plugins-empty");
        var full = Path.Combine(_root, "plugins-" + PluginCount);
        Directory.CreateDirectory(empty);
        BenchPluginSet.Create(full, PluginCount);
        report.Note(Name, $"Plugins: {PluginCount} copies of the published Fixture.Bench ({BenchPluginSet.Id(1)} … {BenchPluginSet.Id(PluginCount)}), each registering one field type and one contact field ({BenchPluginSet.Field(1)} …); loaded from memory into collectible load contexts by the real runtime.");

        // Steady state: a database each host has started on before, so the plugins' fields already exist.
        var steadyEmpty = await PrepareDatabaseAsync(empty, expected: 0);
        var steadyFull = await PrepareDatabaseAsync(full, expected: PluginCount);
        var contenders = new (string Name, string Folder, string? Database, int Plugins)[]
        {
            ("empty host, existing database (baseline)", empty, steadyEmpty, 0),
            ($"{PluginCount} plugins, existing database", full, steadyFull, PluginCount),
            ("empty host, new database (baseline)", empty, null, 0),
            ($"{PluginCount} plugins, new database (fields created)", full, null, PluginCount),
        };

        var samples = contenders.Select(_ => new Samples()).ToArray();
        // Warm-up: the host's and the plugin runtime's own code is JIT-compiled once per process; each plugin's code is
        // compiled again at every start (a new load context), so the measured rounds still pay for it.
        foreach (var contender in contenders)
        {
            var warmUp = await TimeStartAsync(contender.Name, contender.Folder, contender.Database, contender.Plugins);
            report.Note(Name, $"{contender.Name,-48} warm-up (first in this process, JIT included): {Ms(warmUp)}");
        }

        for (var round = 0; round < RoundCount; round++)
        {
            foreach (var i in Rounds.Rotate(Enumerable.Range(0, contenders.Length).ToList(), round))
            {
                var (name, folder, database, plugins) = contenders[i];
                var elapsed = await TimeStartAsync(name, folder, database, plugins);
                samples[i].Add(elapsed);
                Console.WriteLine($"  round {round + 1}: {name,-48} {BenchmarkReport.Duration(elapsed),10}");
            }
        }

        ReportStart("steady-state restart", samples[0], samples[1], target: true);
        ReportStart("first start", samples[2], samples[3], target: false);
        for (var i = 0; i < contenders.Length; i++)
        {
            report.Note(Name, $"{contenders[i].Name,-48} rounds: {string.Join(", ", samples[i].Rounds.Select(r => r.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)))} ms");
        }

        await RunEnableAsync(full, steadyFull);
    }

    /// <summary>Starts a host once on a fresh database and stops it; returns the database, which then holds the host's metadata.</summary>
    private async Task<string> PrepareDatabaseAsync(string pluginsFolder, int expected)
    {
        var database = NewDatabase();
        await using (var host = await PluginHost.StartAsync(database, pluginsFolder))
        {
            Check(host, expected, "preparing the steady-state database");
        }

        SqliteConnection.ClearAllPools();
        return database;
    }

    /// <summary>
    /// Times composing, building and starting one host (the whole <see cref="PluginHost.StartAsync"/>), then checks it
    /// loaded what it should and stops it outside the clock. Null database = a new file, deleted afterwards.
    /// </summary>
    private async Task<TimeSpan> TimeStartAsync(string name, string pluginsFolder, string? database, int expected)
    {
        var path = database ?? NewDatabase();
        Rounds.Settle();
        var stopwatch = Stopwatch.StartNew();
        var host = await PluginHost.StartAsync(path, pluginsFolder);
        stopwatch.Stop();
        await using (host)
        {
            Check(host, expected, name);
        }

        SqliteConnection.ClearAllPools();
        if (database is null)
        {
            SqliteFiles.Delete(path);
        }

        return stopwatch.Elapsed;
    }

    private void Check(PluginHost host, int expected, string what)
    {
        var (loaded, fields, problem) = host.Census();
        if (loaded != expected || fields != expected || problem is not null)
        {
            report.SanityFailure($"{Name} [{what}]: expected {expected} loaded plugins with one field each, found {loaded} loaded, {fields} fields{(problem is null ? "" : "; " + problem)}");
        }
    }

    private void ReportStart(string scenario, Samples baseline, Samples with, bool target)
    {
        var label = $"{Name}: host start, {scenario}";
        report.Add(new ResultRow(label, "empty host (no plugins)", baseline, 1, "start", null));
        report.Add(new ResultRow(label, $"{PluginCount} plugins", with, 1, "start", baseline));
        var perPlugin = (with.Median - baseline.Median).TotalMilliseconds / PluginCount;
        var perPluginBest = (with.Best - baseline.Best).TotalMilliseconds / PluginCount;
        var measured = string.Create(CultureInfo.InvariantCulture,
            $"{perPlugin:0.0} ms per plugin = ({Ms(with.Median)} − {Ms(baseline.Median)}) / {PluginCount}, medians of {RoundCount}; best rounds: {perPluginBest:0.0} ms per plugin");
        report.Add(new TargetRow(
            target
                ? $"plugins: host start with {PluginCount} plugins vs empty host, steady-state restart: ≤ {PerPluginTargetMs:0} ms added per plugin (median)"
                : $"plugins: host start with {PluginCount} plugins vs empty host, first start on a new database (fields created; no target)",
            measured,
            target ? perPlugin <= PerPluginTargetMs : null));
    }

    private string NewDatabase()
    {
        Directory.CreateDirectory(_root);
        return Path.Combine(_root, $"crm-{++_databases}.db");
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
