using CrmKit.Plugins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Plugins;

/// <summary>
/// The real server over a SQLite file with a plugins folder in a fresh temp directory, configured through
/// <c>CrmKit:Plugins:*</c>. It adds <see cref="RatingPlugin"/> and <see cref="DependentPlugin"/> in code, and its plugins
/// folder holds one plugin folder, <c>broken</c>, whose manifest is invalid.
/// </summary>
public sealed class PluginServerFactory : WebApplicationFactory<Program>
{
    public const string BrokenFolder = "broken";

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-plugin-web-").FullName;

    public PluginServerFactory()
    {
        var broken = Directory.CreateDirectory(Path.Combine(PluginsDirectory, BrokenFolder)).FullName;
        File.WriteAllText(
            Path.Combine(broken, "crmkit-plugin.json"),
            """{"id": "broken.plugin", "version": "not-a-version", "sdk": "[0.1.0, 1.0.0)"}""");
    }

    public string PluginsDirectory => Path.Combine(_directory, "plugins");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(_directory, "crmkit.db"));
        builder.UseSetting("CrmKit:Plugins:Directory", PluginsDirectory);
        builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
        builder.ConfigureServices(services => services.Configure<PluginRuntimeOptions>(o => o
            .AddInCode(new RatingPlugin(), RatingPlugin.Manifest)
            .AddInCode(new DependentPlugin(), DependentPlugin.Manifest)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on some platform; the temp directory is cleaned by the OS eventually.
            }
        }
    }
}
