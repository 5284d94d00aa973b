using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core;
using CrmKit.Core.Outbox;
using CrmKit.Core.Storage;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmKit.Benchmarks.Outbox;

/// <summary>
/// A CrmKit host over one SQLite file with the outbox's background dispatcher off (<c>Enabled = false</c>) and the
/// diagnostic job kinds on: the benchmark drives <see cref="OutboxDispatcher.DispatchAsync"/> itself.
/// </summary>
internal sealed class OutboxHost : IAsyncDisposable
{
    private readonly IHost _host;

    private OutboxHost(IHost host) => _host = host;

    public IOutboxAdmin Admin => _host.Services.GetRequiredService<IOutboxAdmin>();

    public OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    public ICrmStore Store => _host.Services.GetRequiredService<ICrmStore>();

    public OutboxOptions Options => _host.Services.GetRequiredService<IOptions<OutboxOptions>>().Value;

    public static async Task<OutboxHost> StartAsync(string path)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddCrmKit(options => options.IncludeStandardModel = false)
            .UseSqlite(SqliteFiles.ConnectionString(path));
        builder.Services.Configure<OutboxOptions>(o =>
        {
            o.Enabled = false;
            o.DiagnosticJobs = true;
        });
        var host = builder.Build();
        await host.StartAsync();
        return new OutboxHost(host);
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
