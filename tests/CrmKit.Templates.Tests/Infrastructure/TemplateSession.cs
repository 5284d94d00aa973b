using System.Text.RegularExpressions;

namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>
/// The shared, slow steps of the template tests, each done once and on first use (so nothing runs when the tests are
/// skipped): install the packed template pack into a private hive, instantiate the three templates, build.
/// </summary>
public sealed partial class TemplateSession : IDisposable
{
    public const string PluginName = "Acme.Loyalty";
    public const string PluginId = "acme.loyalty";

    /// <summary>
    /// The plugin's description, with the characters a hand-built JSON or XML writer gets wrong (quotes, a backslash,
    /// an apostrophe and an ampersand-free XML-safe text, since the template writes it into the project file).
    /// </summary>
    public const string PluginDescription = @"Loyalty ""stars"" for contacts, kept under C:\loyalty and /srv/loyalty";
    public const string HostName = "Acme.Host";
    public const string EditionName = "Acme.Retail";

    private static readonly TimeSpan NewTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private readonly Lazy<Task> _created;
    private readonly Lazy<Task> _pluginBuilt;
    private readonly Lazy<Task> _hostBuilt;
    private Workspace? _workspace;

    // Each step runs once: a failed step fails every test that needs it with the same output rather than run again.
    public TemplateSession()
    {
        _created = new Lazy<Task>(CreateAsync);
        _pluginBuilt = new Lazy<Task>(async () =>
        {
            await EnsureCreatedAsync();
            await DotnetAsync(BuildTimeout, "build", PluginProject, "-c", "Release", "-nologo");
        });
        _hostBuilt = new Lazy<Task>(async () =>
        {
            await EnsureCreatedAsync();
            await DotnetAsync(BuildTimeout, "build", HostProject, "-c", "Release", "-nologo");
        });
    }

    internal Workspace Workspace => _workspace ??= new Workspace(TestEnvironment.PackagesFolder
        ?? throw new InvalidOperationException($"{TestEnvironment.PackagesVariable} is not set."));

    /// <summary>The version of the packed template pack, which is the version of every packed CrmKit package.</summary>
    public string PackVersion => PackVersionPattern().Match(Path.GetFileName(TemplatePack)).Groups["version"].Value;

    public string TemplatePack
    {
        get
        {
            var packs = Directory.GetFiles(Workspace.PackagesFolder, "CrmKit.Templates.*.nupkg")
                .Where(p => PackVersionPattern().IsMatch(Path.GetFileName(p)))
                .ToList();
            packs.Count.ShouldBe(1, $"{Workspace.PackagesFolder} must hold exactly one CrmKit.Templates package.");
            return packs[0];
        }
    }

    public string PluginProject => Path.Combine(Workspace.Projects, PluginName, PluginName, PluginName + ".csproj");

    public string PluginTestsProject =>
        Path.Combine(Workspace.Projects, PluginName, PluginName + ".Tests", PluginName + ".Tests.csproj");

    public string HostProject => Path.Combine(Workspace.Projects, HostName, HostName, HostName + ".csproj");

    public string HostAssembly =>
        Path.Combine(Path.GetDirectoryName(HostProject)!, "bin", "Release", "net10.0", HostName + ".dll");

    public string EditionFolder => Path.Combine(Workspace.Projects, EditionName);

    public string PluginBuildOutput => Path.Combine(Path.GetDirectoryName(PluginProject)!, "bin", "Release", "net10.0");

    public Task EnsureCreatedAsync() => _created.Value;

    public Task EnsurePluginBuiltAsync() => _pluginBuilt.Value;

    /// <summary>The folder <c>dotnet pack</c> writes the plugin's package into.</summary>
    public string PluginPackageFolder => Path.Combine(Workspace.Projects, "plugin-packages");

    public Task EnsureHostBuiltAsync() => _hostBuilt.Value;

    public Task<string> DotnetAsync(TimeSpan timeout, params string[] arguments) =>
        Workspace.DotnetAsync(Workspace.Projects, timeout, arguments);

    public void Dispose()
    {
        _workspace?.Dispose();
    }

    private async Task CreateAsync()
    {
        var hive = Workspace.Hive;
        await DotnetAsync(NewTimeout, "new", "install", TemplatePack, "--debug:custom-hive", hive);
        await DotnetAsync(NewTimeout, "new", "crmkit-plugin", "-n", PluginName, "--description", PluginDescription,
            "--debug:custom-hive", hive);
        await DotnetAsync(NewTimeout, "new", "crmkit-host", "-n", HostName, "--debug:custom-hive", hive);
        await DotnetAsync(NewTimeout, "new", "crmkit-edition", "-n", EditionName, "--debug:custom-hive", hive);
    }

    [GeneratedRegex(@"^CrmKit\.Templates\.(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackVersionPattern();
}
