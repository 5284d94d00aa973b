using System.Diagnostics;
using System.Reflection;

namespace CrmKit.Editions.Tests;

/// <summary>
/// The packages of the shipped plugins the sample edition installs: from <c>CRMKIT_PACKAGES</c> (test.sh packs the
/// solution there), or packed once per test run with <c>dotnet pack</c> when the variable is not set.
/// </summary>
internal static class ShippedPluginPackages
{
    public static readonly string[] Projects = ["CrmKit.Plugins.Requisites", "CrmKit.Plugins.Egrul", "CrmKit.Plugins.OneC"];
    public static readonly string[] Ids = ["ru.requisites", "ru.egrul", "crmkit.onec"];

    private static readonly Lazy<string> PackedFolder = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepositoryRoot =>
        typeof(ShippedPluginPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmKitRepositoryRoot").Value!;

    /// <summary>Copies the three plugin packages into a folder feed.</summary>
    public static void CopyTo(string feed)
    {
        var source = Environment.GetEnvironmentVariable("CRMKIT_PACKAGES") is { Length: > 0 } packages ? packages : PackedFolder.Value;
        Directory.CreateDirectory(feed);
        foreach (var id in Ids)
        {
            var package = Directory.GetFiles(source, id + ".*.nupkg").Where(f => !f.EndsWith(".snupkg", StringComparison.Ordinal))
                .Where(f => char.IsDigit(Path.GetFileName(f)[(id.Length + 1)..][0])).Single();
            File.Copy(package, Path.Combine(feed, Path.GetFileName(package)), overwrite: true);
        }
    }

    private static string Pack()
    {
        var output = Directory.CreateTempSubdirectory("crmkit-plugin-packages-").FullName;
        foreach (var project in Projects)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "pack", Path.Combine(RepositoryRoot, "plugins", project), "-c", "Release", "-o", output, "-nologo", "-v", "quiet" })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment.Remove("MSBuildSDKsPath");
            info.Environment.Remove("MSBUILD_EXE_PATH");
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{stdout.Result}\n{stderr}");
            }
        }

        return output;
    }
}
