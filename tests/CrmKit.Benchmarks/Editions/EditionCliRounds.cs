using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using CrmKit.Benchmarks.Files;
using CrmKit.Benchmarks.Infrastructure;

namespace CrmKit.Benchmarks.Editions;

/// <summary>
/// The issue's own measure: the <c>crmkit</c> tool run as a process (<c>dotnet crmkit.dll edition plan|install</c>)
/// against the real server process (CrmKit.Server with its plugins folder, nuget.config and SQLite database), the
/// whole command timed from process start to exit. Baseline in the same run: <c>crmkit edition list</c> against the
/// same server — the tool's own start and one REST round trip, which every command pays.
/// </summary>
internal sealed class EditionCliRounds(BenchmarkSettings settings, string root, string nugetConfig)
{
    private int _servers;

    public static string CliDll =>
        typeof(EditionCliRounds).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmKitCliDll").Value!;

    /// <summary>Times <c>edition plan</c> and the <c>edition list</c> baseline against one server, round by round.</summary>
    public async Task<(Samples Plan, Samples List)> PlanAsync()
    {
        var plan = new Samples();
        var list = new Samples();
        await using var server = await StartServerAsync();
        await RunAsync(server, "edition", "plan", EditionBenchSet.EditionId);
        await RunAsync(server, "edition", "list");
        for (var round = 0; round < settings.Rounds; round++)
        {
            plan.Add(await RunAsync(server, "edition", "plan", EditionBenchSet.EditionId, "--json"));
            list.Add(await RunAsync(server, "edition", "list"));
            Console.WriteLine($"  round {round + 1}: crmkit edition plan {BenchmarkReport.Duration(plan.Rounds[^1]),10}   crmkit edition list {BenchmarkReport.Duration(list.Rounds[^1]),10}");
        }

        return (plan, list);
    }

    /// <summary>Times <c>edition install</c> into a fresh server (new database and plugins folder) each round.</summary>
    public async Task<(Samples Install, Samples List)> InstallAsync()
    {
        var install = new Samples();
        var list = new Samples();
        for (var round = 0; round < settings.Rounds; round++)
        {
            await using var server = await StartServerAsync();
            list.Add(await RunAsync(server, "edition", "list"));
            install.Add(await RunAsync(server, "edition", "install", EditionBenchSet.EditionId));
            var installed = await CaptureAsync(server, "edition", "list");
            if (!installed.Contains(EditionBenchSet.EditionId, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("crmkit edition install did not install the benchmark edition:\n" + installed);
            }

            Console.WriteLine($"  round {round + 1}: crmkit edition install {BenchmarkReport.Duration(install.Rounds[^1]),10}   crmkit edition list {BenchmarkReport.Duration(list.Rounds[^1]),10}");
        }

        return (install, list);
    }

    private async Task<BenchServerProcess> StartServerAsync()
    {
        var folder = Path.Combine(root, "cli-server-" + (++_servers).ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return await BenchServerProcess.StartAsync(
            folder,
            "--CrmKit:Storage:ConnectionString=Data Source=" + Path.Combine(folder, "crmkit.db"),
            "--CrmKit:Plugins:Directory=" + Path.Combine(folder, "plugins"),
            "--CrmKit:Distribution:NuGetConfig=" + nugetConfig,
            "--CrmKit:Distribution:LockFile=" + Path.Combine(folder, "plugins.lock.json"),
            "--CrmKit:Editions:PackageFolder=" + Path.Combine(folder, "edition-packages"),
            "--Logging:LogLevel:Default=Warning");
    }

    private static async Task<TimeSpan> RunAsync(BenchServerProcess server, params string[] arguments)
    {
        Rounds.Settle();
        var stopwatch = Stopwatch.StartNew();
        await CaptureAsync(server, arguments);
        stopwatch.Stop();
        return stopwatch.Elapsed;
    }

    /// <summary>Runs the tool to its exit; a non-zero exit fails the benchmark with what the tool printed.</summary>
    private static async Task<string> CaptureAsync(BenchServerProcess server, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(CliDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--server");
        info.ArgumentList.Add(server.Client.BaseAddress!.ToString());
        info.ArgumentList.Add("--api-key");
        info.ArgumentList.Add(BenchServerProcess.AdminKey);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = new StringBuilder(await stdout).Append(await stderr).ToString();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"crmkit {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }

        return output;
    }
}
