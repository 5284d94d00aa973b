using System.Net.Http.Headers;
using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real CrmKit REST API on Kestrel (loopback, a free port) over a SQLite file in a temp folder, started with a known
/// administrator key. Subclasses add configuration and modules in <see cref="Configure"/>.
/// </summary>
public class RealServer : IAsyncLifetime
{
    /// <summary>The administrator's API key the server is started with; <see cref="Cli"/> sends it.</summary>
    public const string AdminKey = "crmk_cliadmin00000_aVeryLongSecretForTheCliTestAdministrator0000";

    private WebApplication? _app;

    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("crmkit-cli-e2e-").FullName;

    public Uri Address { get; private set; } = null!;

    /// <summary>crmkit against this server, acting as the administrator (CRMKIT_API_KEY).</summary>
    public CliRunner Cli(string stdin = "") =>
        new(Address) { Stdin = stdin, Environment = { ["CRMKIT_API_KEY"] = AdminKey } };

    /// <summary>A plain HTTP client of this server, acting as the administrator.</summary>
    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrmKit:Security:BootstrapApiKey"] = AdminKey,
            ["CrmKit:Security:KeyRingDirectory"] = Path.Combine(Directory, "keys"),
        });
        builder.Services.AddOptions<Core.Security.SecurityOptions>().BindConfiguration(Core.Security.SecurityOptions.SectionName);
        var crm = builder.Services.AddCrmKit().UseSqlite($"Data Source={Path.Combine(Directory, "crm.db")}");
        Configure(builder, crm);
        builder.Services.AddCrmKitApi();
        _app = builder.Build();
        _app.MapCrmKit();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Adds what a subclass needs: configuration, options, modules.</summary>
    protected virtual void Configure(WebApplicationBuilder builder, CrmKitBuilder crm)
    {
    }
}
