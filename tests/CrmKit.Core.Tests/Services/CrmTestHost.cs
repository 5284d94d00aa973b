using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Core.Tests.Services;

/// <summary>
/// A real CrmKit Core over a SQLite file in a temp folder (or a PostgreSQL database of its own, see
/// <see cref="TestStore"/>), started like a host starts it.
/// </summary>
internal sealed class CrmTestHost : IAsyncDisposable
{
    private readonly string _directory;
    private readonly ServiceProvider _provider;

    private CrmTestHost(string directory, ServiceProvider provider)
    {
        _directory = directory;
        _provider = provider;
    }

    /// <summary>An administrator: most tests are about records, not permissions (those are in Security/).</summary>
    public static CrmPrincipal User { get; } = new("alice", "Alice", ["administrator"], CrmChannel.Rest);

    public IRecordService Records => _provider.GetRequiredService<IRecordService>();

    public IMetadataService Metadata => _provider.GetRequiredService<IMetadataService>();

    public IServiceProvider Services => _provider;

    public static async Task<CrmTestHost> StartAsync(Action<CrmKitBuilder>? configure = null, string? directory = null)
    {
        directory ??= Directory.CreateTempSubdirectory("crmkit-core-").FullName;
        var services = new ServiceCollection();
        var builder = services.AddCrmKit();
        TestStore.Use(builder, directory);
        configure?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new CrmTestHost(directory, provider);
    }

    public async Task<CrmRecord> CreateAsync(string entity, string json) =>
        (await Records.CreateAsync(User, entity, [JsonNode.Parse(json)!.AsObject()]))[0];

    public async Task<long> CountAsync(string entity, bool deleted = false) =>
        (await Records.QueryAsync(User, entity, new RecordQuery { Limit = 1, IncludeTotal = true, Deleted = deleted })).Total!.Value;

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        TestStore.Drop(_directory);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger on some platforms; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Stops the host and keeps its store, so that <see cref="TestStore.Copy"/> can take it; dispose it after.</summary>
    public ValueTask StopAsync() => _provider.DisposeAsync();

    /// <summary>Restarts over the same database file (proves what was committed).</summary>
    public async Task<CrmTestHost> RestartAsync()
    {
        await _provider.DisposeAsync();
        return await StartAsync(directory: _directory);
    }
}
