using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>The real CrmKit REST API on Kestrel (loopback, a free port) over a SQLite file in a temp folder.</summary>
public sealed class RealServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-e2e-").FullName;
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCrmKit().UseSqlite($"Data Source={Path.Combine(_directory, "crm.db")}");
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
        Directory.Delete(_directory, recursive: true);
    }
}
