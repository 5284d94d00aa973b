using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>
/// A temp folder where templates are installed (into a private template hive), instantiated and built against the
/// packed CrmKit packages: a generated nuget.config lists the packages folder first (CrmKit.* come only from there)
/// and then the repository's sources, and a private NuGet packages folder keeps a stale CrmKit of the same version in
/// the machine's cache from being used.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private const string LocalSource = "crmkit-local";

    public Workspace(string packagesFolder)
    {
        PackagesFolder = packagesFolder;
        Root = Directory.CreateTempSubdirectory("crmkit-templates-").FullName;
        Hive = Directory.CreateDirectory(Path.Combine(Root, "hive")).FullName;
        NuGetPackages = Directory.CreateDirectory(Path.Combine(Root, "nuget-packages")).FullName;
        Projects = Directory.CreateDirectory(Path.Combine(Root, "src")).FullName;
        WriteNuGetConfig(Path.Combine(Projects, "nuget.config"));
    }

    public string PackagesFolder { get; }

    public string Root { get; }

    /// <summary>The private template hive (<c>--debug:custom-hive</c>).</summary>
    public string Hive { get; }

    /// <summary>The private NuGet packages folder (<c>NUGET_PACKAGES</c>).</summary>
    public string NuGetPackages { get; }

    /// <summary>Where the templates are instantiated; holds the generated nuget.config.</summary>
    public string Projects { get; }

    /// <summary>The environment of every child process.</summary>
    public IReadOnlyDictionary<string, string?> Environment => BuildEnvironment();

    /// <summary>Runs <c>dotnet</c> with the arguments in <paramref name="workingDirectory"/>; fails with its output.</summary>
    public async Task<string> DotnetAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        using var process = ChildProcess.Start("dotnet", arguments, workingDirectory, Environment);
        if (!await process.WaitForExitAsync(timeout))
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s:\n{process.Describe()}");
        }

        process.ExitCode.ShouldBe(0, process.Describe());
        return process.Output;
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A killed process may still hold a file for a moment; the OS cleans the temp folder.
        }
    }

    private Dictionary<string, string?> BuildEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = NuGetPackages,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
            // No build servers or reused nodes: they would outlive the test and keep its output pipes open.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["UseSharedCompilation"] = "false",
        };

        // The test runs under `dotnet test`, whose MSBuild variables would steer the child builds to the wrong SDK state.
        foreach (var name in System.Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) && !environment.ContainsKey(name))
            {
                environment[name] = null;
            }
        }

        return environment;
    }

    private void WriteNuGetConfig(string path)
    {
        var repositoryConfig = XDocument.Load(Path.Combine(TestEnvironment.RepositoryRoot, "nuget.config"));
        var registrySources = repositoryConfig.Root!.Element("packageSources")?.Elements("add").ToList() ?? [];
        var sources = new XElement("packageSources", new XElement("clear"),
            new XElement("add", new XAttribute("key", LocalSource), new XAttribute("value", PackagesFolder)));
        var mapping = new XElement("packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", LocalSource),
                new XElement("package", new XAttribute("pattern", "CrmKit.*"))));
        foreach (var source in registrySources)
        {
            sources.Add(new XElement(source));
            mapping.Add(new XElement("packageSource", new XAttribute("key", (string)source.Attribute("key")!),
                new XElement("package", new XAttribute("pattern", "*"))));
        }

        new XDocument(new XElement("configuration", sources, mapping)).Save(path);
    }
}
