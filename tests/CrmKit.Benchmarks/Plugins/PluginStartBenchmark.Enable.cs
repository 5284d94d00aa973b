using System.Diagnostics;
using System.Globalization;
using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core.Plugins;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Plugins;

internal sealed partial class PluginStartBenchmark
{
    private const double EnableTargetMs = 200;

    /// <summary>
    /// In a running host with all plugins loaded: per round, disable one plugin (timed), then enable it again (timed:
    /// reads the manifest, loads the assembly into a new load context, configures and activates the module, records
    /// the state). A warm-up pair runs first.
    /// </summary>
    private async Task RunEnableAsync(string pluginsFolder, string database)
    {
        var id = BenchPluginSet.Id(PluginCount / 2);
        var disable = new Samples();
        var enable = new Samples();
        await using (var host = await PluginHost.StartAsync(database, pluginsFolder))
        {
            Check(host, PluginCount, "host for enable/disable");
            for (var round = -1; round < RoundCount; round++)
            {
                var disabled = await TimeAsync(() => host.Plugins.DisableAsync(id, CancellationToken.None), PluginState.Disabled, "DisableAsync");
                var enabled = await TimeAsync(() => host.Plugins.EnableAsync(id, CancellationToken.None), PluginState.Loaded, "EnableAsync");
                if (round >= 0)
                {
                    disable.Add(disabled);
                    enable.Add(enabled);
                    Console.WriteLine($"  round {round + 1}: {"DisableAsync(" + id + ")",-48} {BenchmarkReport.Duration(disabled),10}");
                    Console.WriteLine($"  round {round + 1}: {"EnableAsync(" + id + ")",-48} {BenchmarkReport.Duration(enabled),10}");
                }
            }

            Check(host, PluginCount, "after enable/disable");
        }

        SqliteConnection.ClearAllPools();
        report.Note(Name, $"{"EnableAsync(" + id + ")",-48} rounds: {Values(enable)} ms");
        report.Note(Name, $"{"DisableAsync(" + id + ")",-48} rounds: {Values(disable)} ms");
        report.Add(new TargetRow(
            $"plugins: enable one plugin at run time (IPluginManager.EnableAsync, {PluginCount} plugins loaded) < {EnableTargetMs:0} ms (median)",
            $"{Ms(enable.Median)} median of {RoundCount} (best {Ms(enable.Best)}, worst {Ms(enable.Rounds.Max())})",
            enable.Median.TotalMilliseconds < EnableTargetMs));
        report.Add(new TargetRow(
            $"plugins: disable one plugin at run time (IPluginManager.DisableAsync; no target)",
            $"{Ms(disable.Median)} median of {RoundCount} (best {Ms(disable.Best)}, worst {Ms(disable.Rounds.Max())})",
            null));

        static string Values(Samples samples) =>
            string.Join(", ", samples.Rounds.Select(r => r.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)));
    }

    private async Task<TimeSpan> TimeAsync(Func<Task<PluginStatus>> operation, PluginState expected, string what)
    {
        Rounds.ForceGc();
        var stopwatch = Stopwatch.StartNew();
        var status = await operation();
        stopwatch.Stop();
        if (status.State != expected)
        {
            report.SanityFailure($"{Name} [{what}]: {status.Id} is {status.State} ({status.ReasonCode} {status.Reason}), expected {expected}");
        }

        return stopwatch.Elapsed;
    }
}
