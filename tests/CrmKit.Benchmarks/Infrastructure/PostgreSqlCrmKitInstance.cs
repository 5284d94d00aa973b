using CrmKit.Core;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Benchmarks.Infrastructure;

/// <summary>
/// A CrmKit host over one PostgreSQL database, composed as an application would: a generic host with
/// <c>AddCrmKit</c> (standard model off, see <see cref="Data.ContactSchema"/>) and <c>UsePostgreSql</c>, started with
/// <see cref="IHost.StartAsync"/> so that the <c>CrmKitInitializer</c> hosted service applies the migrations. The
/// PostgreSQL counterpart of <see cref="CrmKitInstance"/>.
/// </summary>
internal sealed class PostgreSqlCrmKitInstance : IAsyncDisposable
{
    private readonly IHost _host;

    private PostgreSqlCrmKitInstance(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IRecordService Records => Services.GetRequiredService<IRecordService>();

    public IMetadataService Metadata => Services.GetRequiredService<IMetadataService>();

    public PostgreSqlCrmStore Store => Services.GetRequiredService<PostgreSqlCrmStore>();

    /// <summary>The registry of compiled entities (internal to CrmKit.Core; the benchmark's breakdowns use it).</summary>
    internal MetadataRegistry Registry => Services.GetRequiredService<MetadataRegistry>();

    /// <summary>Starts a host on the database.</summary>
    /// <param name="connectionString">The database's connection string, as an application would pass it.</param>
    /// <param name="configure">Changes to the services after CrmKit's (options of a variant), or null.</param>
    /// <returns>The started host.</returns>
    public static async Task<PostgreSqlCrmKitInstance> StartAsync(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddCrmKit(options => options.IncludeStandardModel = false)
            .UsePostgreSql(connectionString);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new PostgreSqlCrmKitInstance(host);
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
