using CrmKit.Core;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>
/// A CrmKit host over one SQLite file, composed as an application would: a generic host with
/// <c>AddCrmKit</c> (standard model off, see <see cref="Data.ContactSchema"/>) and <c>UseSqlite</c>, started
/// with <see cref="IHost.StartAsync"/> so that the <c>CrmKitInitializer</c> hosted service prepares the store.
/// </summary>
internal sealed class CrmKitInstance : IAsyncDisposable
{
    private readonly IHost _host;

    private CrmKitInstance(IHost host, string path)
    {
        _host = host;
        Path = path;
    }

    public string Path { get; }

    public IServiceProvider Services => _host.Services;

    public IRecordService Records => Services.GetRequiredService<IRecordService>();

    public IMetadataService Metadata => Services.GetRequiredService<IMetadataService>();

    public SqliteCrmStore Store => Services.GetRequiredService<SqliteCrmStore>();

    /// <summary>The registry of compiled entities (internal to CrmKit.Core; the benchmark's breakdowns use it).</summary>
    internal MetadataRegistry Registry => Services.GetRequiredService<MetadataRegistry>();

    public static async Task<CrmKitInstance> StartAsync(string path)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddCrmKit(options => options.IncludeStandardModel = false)
            .UseSqlite(SqliteFiles.ConnectionString(path));
        var host = builder.Build();
        await host.StartAsync();
        return new CrmKitInstance(host, path);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
