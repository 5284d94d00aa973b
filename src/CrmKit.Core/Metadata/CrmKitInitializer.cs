using CrmKit.Core.Modules;
using CrmKit.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Runs at host start-up before requests are served: creates the system tables, loads the stored metadata and
/// applies what modules registered.
/// </summary>
internal sealed class CrmKitInitializer(ICrmStore store, MetadataService metadata, ModuleRegistrations modules) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await metadata.LoadAsync(cancellationToken);
        await metadata.ApplyModulesAsync(modules, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
