using System.Text.Json.Nodes;
using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using CrmKit.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real CrmKit REST API on Kestrel over a SQLite file, with one record message registered by the host:
/// <c>deal.win</c> marks a deal won (input <c>{"reason": "..."}</c>, at least 3 characters) and answers with its version.
/// </summary>
public sealed class RealMessageServer : IAsyncLifetime
{
    public const string Message = "deal.win";

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-message-").FullName;
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCrmKit().UseSqlite($"Data Source={Path.Combine(_directory, "crm.db")}").AddRecordMessage<WinDeal>();
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

    private sealed class WinDeal : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new(Message, "deal", LocalizedText.Of("Win"), new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "string", ["minLength"] = 3 } },
            ["required"] = new JsonArray("reason"),
        });

        public async ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken)
        {
            var won = await context.Services.GetRequiredService<IRecordService>().UpdateAsync(
                context.Principal, context.Entity.Name, context.RecordId, new JsonObject { ["stage"] = "won" }, null, cancellationToken);
            return new JsonObject { ["stage"] = "won", ["version"] = won.Version };
        }
    }
}
