using CrmKit.Benchmarks.Infrastructure;
using CrmKit.Core;
using CrmKit.Core.Plugins;
using CrmKit.Plugins;
using CrmKit.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Benchmarks.Plugins;

/// <summary>
/// A CrmKit host composed as an application composes it: a generic host with <c>AddCrmKit()</c> (standard model on,
/// so plugins can extend the contact), <c>UseSqlite</c> over one file and <c>AddPlugins</c> over a plugins folder
/// (no folder watching), started with <see cref="IHost.StartAsync"/>, which runs the initializer and the plugin
/// runtime's scan and load.
/// </summary>
internal sealed class PluginHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PluginHost(IHost host) => _host = host;

    public IPluginManager Plugins => _host.Services.GetRequiredService<IPluginManager>();

    /// <summary>Composes, builds and starts a host: everything the start measurement times.</summary>
    public static async Task<PluginHost> StartAsync(string databasePath, string pluginsFolder)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services
            .AddCrmKit()
            .UseSqlite(SqliteFiles.ConnectionString(databasePath))
            .AddPlugins(options =>
            {
                options.Directory = pluginsFolder;
                options.WatchDirectory = false;
            });
        var host = builder.Build();
        await host.StartAsync();
        return new PluginHost(host);
    }

    /// <summary>How many plugins are Loaded and how many "field:" registrations they made.</summary>
    public (int Loaded, int Fields, string? FirstProblem) Census()
    {
        var plugins = Plugins.List();
        var loaded = plugins.Where(p => p.State == PluginState.Loaded).ToList();
        var problem = plugins.FirstOrDefault(p => p.State != PluginState.Loaded);
        return (loaded.Count, loaded.Sum(p => p.Registered.Count(r => r.StartsWith("field:", StringComparison.Ordinal))),
            problem is null ? null : $"{problem.Id}: {problem.State} {problem.ReasonCode} {problem.Reason}");
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
