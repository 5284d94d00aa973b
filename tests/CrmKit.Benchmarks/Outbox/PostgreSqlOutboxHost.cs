using CrmKit.Core;
using CrmKit.Core.Outbox;
using CrmKit.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmKit.Benchmarks.Outbox;

/// <summary>
/// One node: a CrmKit host of its own over a shared PostgreSQL database (its own store, connection pool and
/// <see cref="OutboxDispatcher"/>), with the background dispatcher off (<c>Enabled = false</c>) and the diagnostic job
/// kinds on: the benchmark drives <see cref="OutboxDispatcher.DispatchAsync"/> itself.
/// </summary>
internal sealed class PostgreSqlOutboxHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PostgreSqlOutboxHost(IHost host) => _host = host;

    public IOutboxAdmin Admin => _host.Services.GetRequiredService<IOutboxAdmin>();

    public OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    public OutboxOptions Options => _host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;

    public static async Task<PostgreSqlOutboxHost> StartAsync(string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddCrmKit(options => options.IncludeStandardModel = false)
            .UsePostgreSql(connectionString);
        builder.Services.Configure<OutboxOptions>(o =>
        {
            o.Enabled = false;
            o.DiagnosticJobs = true;
        });
        var host = builder.Build();
        await host.StartAsync();
        return new PostgreSqlOutboxHost(host);
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
