using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Plugins.Requisites.Tests;

/// <summary>
/// A real CrmKit host in process — the generic host, CrmKit.Core over a SQLite file in a temp folder and the plugin
/// runtime — with the requisites plugin added in code and planned with the manifest its build wrote.
/// </summary>
internal sealed class RequisitesHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _directory;

    private RequisitesHost(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
    }

    public static CrmPrincipal User { get; } = new("tester", "Tester", ["administrator"], CrmChannel.Rest);

    public IServiceProvider Services => _host.Services;

    public IRecordService Records => _host.Services.GetRequiredService<IRecordService>();

    public static async Task<RequisitesHost> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-requisites-").FullName;
        var manifest = PluginManifestReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "manifests", "ru.requisites.json"));
        var builder = Host.CreateApplicationBuilder();
        builder.Services
            .AddCrmKit()
            .UseSqlite($"Data Source={Path.Combine(directory, "crm.db")};Pooling=False")
            .AddPlugins(o => o.AddInCode(new RequisitesModule(), manifest));
        var host = builder.Build();
        await host.StartAsync();
        return new RequisitesHost(host, directory);
    }

    public async Task<CrmRecord> CreateCompanyAsync(JsonObject values) =>
        (await Records.CreateAsync(User, "company", [values])).Single();

    public async Task<CrmException> RefusedAsync(JsonObject values) =>
        await Should.ThrowAsync<CrmException>(() => CreateCompanyAsync(values));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean when a handle lingers.
        }
    }
}
