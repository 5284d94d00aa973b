using System.Text.Json.Nodes;
using CrmKit.AspNetCore;
using CrmKit.Core;
using CrmKit.Plugins;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Settings;
using CrmKit.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NuGet.Versioning;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real REST API on Kestrel over SQLite with the plugin runtime: a plugins folder in a temp directory (unwatched)
/// and <see cref="ScorePlugin"/> added in code.
/// </summary>
public sealed class RealPluginServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-plugins-").FullName;
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddCrmKit()
            .UseSqlite($"Data Source={Path.Combine(_directory, "crm.db")}")
            .AddPlugins(o =>
            {
                o.Directory = Path.Combine(_directory, "plugins");
                o.WatchDirectory = false;
                o.AddInCode(new ScorePlugin(), ScorePlugin.Manifest);
            });
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

    /// <summary>A plugin with the field type test.score and the field contact.test_score.</summary>
    public sealed class ScorePlugin : ICrmModule
    {
        public const string PluginId = "test.score";

        public static PluginManifest Manifest { get; } =
            new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)")) { DisplayName = "Scores" };

        public string Id => PluginId;

        public void Configure(ICrmBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.FieldTypes.Add(new ScoreFieldType());
            builder.Entities.Extend("contact", contact => contact.AddField("test_score", "test.score"));
            builder.AddSettings(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["label"] = new JsonObject { ["type"] = "string", ["maxLength"] = 10 },
                    ["apiKey"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
                },
            });
        }

        private sealed class ScoreFieldType() : FieldType(new FieldTypeDescriptor(
            "test.score", FieldValueKind.Integer, new JsonObject { ["type"] = "integer" }, LocalizedText.Of("Score")));
    }
}
