using System.Diagnostics;

namespace CrmKit.Distribution.Tests.Infrastructure;

/// <summary>
/// Packages of the plugins shipped in plugins/, made by the CrmKit.Sdk pack targets: from <c>CRMKIT_PACKAGES</c> (test.sh
/// packs the solution there), or packed once per test run with <c>dotnet pack -c Debug</c> when the variable is not set.
/// </summary>
internal static class ShippedPackages
{
    private static readonly Lazy<string> Packed = new(Pack);

    public static string Folder => Environment.GetEnvironmentVariable("CRMKIT_PACKAGES") is { Length: > 0 } packages ? packages : Packed.Value;

    public static string File(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        System.IO.File.Exists(path).ShouldBeTrue($"{path} is missing: the shipped plugins did not pack.");
        return path;
    }

    private static string Pack()
    {
        var root = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(root, "CrmKit.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found above the test output.");
        }

        var output = Directory.CreateTempSubdirectory("crmkit-shipped-packages-").FullName;
        foreach (var project in new[] { "CrmKit.Plugins.Requisites", "CrmKit.Plugins.Egrul" })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "pack", Path.Combine(root, "plugins", project), "-c", "Debug", "-o", output, "-nologo", "-v", "quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
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
