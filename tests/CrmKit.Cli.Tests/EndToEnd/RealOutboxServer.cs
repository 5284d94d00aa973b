using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Core.Outbox;
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
/// The real CrmKit REST API on Kestrel over a SQLite file, with the outbox configured as a host would
/// (<c>CrmKit:Outbox:*</c>): diagnostic jobs on (so <c>POST /api/outbox</c> queues them) and a short poll interval.
/// </summary>
public sealed class RealOutboxServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-outbox-").FullName;
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrmKit:Outbox:DiagnosticJobs"] = "true",
            ["CrmKit:Outbox:PollInterval"] = "00:00:00.100",
        });
        builder.Services.AddCrmKit().UseSqlite($"Data Source={Path.Combine(_directory, "crm.db")}");
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        builder.Services.AddCrmKitApi();
        _app = builder.Build();
        _app.MapCrmKit();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
    }

    /// <summary>Queues one diagnostic job through <c>POST /api/outbox</c> and returns its id.</summary>
    public async Task<string> EnqueueAsync(string kind, JsonObject? payload = null)
    {
        using var http = new HttpClient { BaseAddress = Address };
        using var response = await http.PostAsJsonAsync("api/outbox", new JsonObject { ["kind"] = kind, ["count"] = 1, ["payload"] = payload });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["first"]!.GetValue<string>();
    }

    /// <summary>Waits (up to 30 s) until the dispatcher has brought the job to <paramref name="state"/>.</summary>
    public async Task WaitForStateAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? current = null;
        using var http = new HttpClient { BaseAddress = Address };
        while (DateTime.UtcNow < deadline)
        {
            var job = JsonNode.Parse(await http.GetStringAsync("api/outbox/" + id))!;
            current = job["state"]!.GetValue<string>();
            if (current == state)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Outbox job {id} is still {current}, not {state}.");
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
