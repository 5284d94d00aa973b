using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Core.Modules;
using CrmKit.Core.Outbox;
using CrmKit.Core.Settings;
using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Requisites;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Egrul.Tests.Infrastructure;

/// <summary>
/// A real CrmKit host in process — the generic host, CrmKit.Core over a SQLite file in a temp folder, the outbox and
/// the plugin runtime — with the requisites and EGRUL plugins added in code (planned with the manifests their builds
/// wrote) and the EGRUL plugin's settings pointing at a <see cref="FakeDaData"/>. Every log message is captured.
/// </summary>
internal sealed class EgrulHost : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef-SECRET";

    private readonly IHost _host;
    private readonly string _directory;

    private EgrulHost(IHost host, string directory, FakeDaData dadata, LogCapture logs)
    {
        _host = host;
        _directory = directory;
        DaData = dadata;
        Logs = logs;
    }

    public static CrmPrincipal User { get; } = new("tester", "Tester", ["administrator"], CrmChannel.Rest);

    public FakeDaData DaData { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _host.Services;

    public IRecordService Records => _host.Services.GetRequiredService<IRecordService>();

    public IRegistryLookup Lookup => Services.GetRequiredService<ICrmExtensions>().GetAll<IRegistryLookup>().Single();

    /// <summary>Starts a host; <paramref name="settings"/> overrides the test defaults (fast timeouts and retries).</summary>
    public static async Task<EgrulHost> StartAsync(JsonObject? settings = null)
    {
        var dadata = await FakeDaData.StartAsync();
        var directory = Directory.CreateTempSubdirectory("crmkit-egrul-").FullName;
        var logs = new LogCapture();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services
            .AddCrmKit()
            .UseSqlite($"Data Source={Path.Combine(directory, "crm.db")};Pooling=False")
            .AddPlugins(o => o
                .AddInCode(new RequisitesModule(), Manifest(RequisitesModule.PluginId))
                .AddInCode(new EgrulModule(), Manifest(EgrulModule.PluginId)));
        builder.Services.Configure<OutboxOptions>(o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.BaseDelay = TimeSpan.FromMilliseconds(100);
            o.MaxDelay = TimeSpan.FromMilliseconds(300);
            o.MaxAttempts = 50;
        });
        var host = builder.Build();
        await host.StartAsync();
        var egrul = new EgrulHost(host, directory, dadata, logs);
        await egrul.SaveSettingsAsync(settings);
        return egrul;
    }

    /// <summary>The test defaults: the fake's address, the token, short backoff and break; tests that need quick timeouts set them.</summary>
    public JsonObject DefaultSettings() => new()
    {
        ["baseUrl"] = DaData.BaseUrl,
        ["token"] = Token,
        ["attemptTimeoutSeconds"] = 5,
        ["totalTimeoutSeconds"] = 10,
        ["maxRetries"] = 2,
        ["retryBaseDelayMilliseconds"] = 10,
        ["breakDurationSeconds"] = 0.5,
        ["autofillTimeoutSeconds"] = 10,
    };

    public async Task SaveSettingsAsync(JsonObject? overrides = null)
    {
        var values = DefaultSettings();
        foreach (var (name, value) in overrides ?? [])
        {
            values[name] = value?.DeepClone();
        }

        await Services.GetRequiredService<IModuleSettingsService>().SaveAsync(EgrulModule.PluginId, values, null, CrmPrincipal.System, default);
    }

    public Task<IReadOnlyList<RegistryCompany>> LookupAsync(string query, string? kpp = null, RegistryBranchType? branch = null, bool refresh = false) =>
        Lookup.LookupAsync(new RegistryLookupRequest { Query = query, Kpp = kpp, BranchType = branch, BypassCache = refresh, Principal = User }, default);

    public async Task<CrmRecord> CreateCompanyAsync(JsonObject values) => (await Records.CreateAsync(User, "company", [values])).Single();

    public async Task<CrmRecord> GetCompanyAsync(Guid id) => (await Records.GetAsync(User, "company", id))!;

    /// <summary>Reads the company until <paramref name="done"/> holds (background work through the outbox), 30 s at most.</summary>
    public async Task<CrmRecord> WaitForCompanyAsync(Guid id, Func<CrmRecord, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var company = await GetCompanyAsync(id);
            if (done(company) || DateTime.UtcNow > deadline)
            {
                return company;
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await DaData.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean when a handle lingers.
        }
    }

    private static PluginManifest Manifest(string id) =>
        PluginManifestReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "manifests", id + ".json"));
}
