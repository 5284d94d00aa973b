using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>Describes the machine and the build the numbers come from.</summary>
internal static class BenchmarkEnvironment
{
    /// <summary>Whether this assembly was compiled with the JIT optimizer on (a Release build).</summary>
    public static bool IsOptimized
    {
        get
        {
#if DEBUG
            return false;
#else
            var debuggable = typeof(BenchmarkEnvironment).Assembly.GetCustomAttribute<DebuggableAttribute>();
            return debuggable is null || !debuggable.IsJITOptimizerDisabled;
#endif
        }
    }

    public static string Configuration => IsOptimized ? "Release" : "Debug";

    public static IReadOnlyList<(string Name, string Value)> Describe() =>
    [
        ("CPU", CpuModel()),
        ("Logical CPUs", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Memory", MemoryText()),
        ("OS", RuntimeInformation.OSDescription.Trim() + " " + RuntimeInformation.OSArchitecture),
        (".NET", RuntimeInformation.FrameworkDescription),
        ("Build", Configuration + (Debugger.IsAttached ? " (debugger attached!)" : "")),
        ("GC", (GCSettings.IsServerGC ? "server" : "workstation") + (GCSettings.LatencyMode == GCLatencyMode.Batch ? ", non-concurrent" : ", concurrent")),
        ("SQLite", SqliteVersion()),
        ("Source", SourceVersion()),
        ("Load average at start", LoadAverage()),
    ];

    /// <summary>The git commit the benchmark was built from, and whether src/ had uncommitted changes.</summary>
    private static string SourceVersion()
    {
        var commit = Git("rev-parse --short HEAD");
        if (commit is null)
        {
            return "unknown (git not available)";
        }

        var dirty = Git("status --porcelain -- src");
        return commit + (string.IsNullOrWhiteSpace(dirty) ? "" : " + uncommitted changes in src/");
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The 1/5/15-minute load averages (Linux), which tell how busy the machine was.</summary>
    public static string LoadAverage()
    {
        try
        {
            if (File.Exists("/proc/loadavg"))
            {
                var parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return $"{parts[0]} / {parts[1]} / {parts[2]} (1/5/15 min, {Environment.ProcessorCount} CPUs)";
            }
        }
        catch (IOException)
        {
        }

        return "unknown";
    }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string MemoryText()
    {
        var bytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " GiB";
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()! + " (Microsoft.Data.Sqlite " +
            typeof(SqliteConnection).Assembly.GetName().Version?.ToString(3) + ")";
    }
}
