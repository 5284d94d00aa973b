using CrmKit.Plugins;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests.Messages;

/// <summary>The real server over a SQLite file in a fresh temp directory, with <see cref="DealMessageModule"/> added in code.</summary>
public sealed class MessageServerFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-message-web-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(_directory, "crmkit.db"));
        builder.UseSetting("CrmKit:Plugins:Directory", Path.Combine(_directory, "plugins"));
        builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
        builder.ConfigureServices(services => services.Configure<PluginRuntimeOptions>(o => o
            .AddInCode(new DealMessageModule(), DealMessageModule.Manifest)));
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
