using CrmKit.Core.Modules;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Runs at host start-up before requests are served: creates the system tables, loads the stored metadata and
/// applies what modules registered.
/// </summary>
internal sealed class CrmKitInitializer(ICrmStore store, MetadataService metadata, ModuleRegistrations modules) : IHostedService
{
    private const int MaxAttempts = 5;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await metadata.LoadAsync(cancellationToken);
            try
            {
                await metadata.ApplyModulesAsync(modules, cancellationToken);
                return;
            }
            catch (CrmException e) when (attempt < MaxAttempts && e.Code is "metadata.changed_concurrently" or "metadata.entity_exists")
            {
                // Another node sharing the database seeded the same modules first: reload what it stored and retry.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
