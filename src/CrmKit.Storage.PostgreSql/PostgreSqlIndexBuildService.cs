using CrmKit.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmKit.Storage.PostgreSql;

/// <summary>
/// Wakes the PostgreSQL store's background index builder once the host has started (the store is migrated by then) and
/// every <see cref="PostgreSqlStoreOptions.IndexBuildPollInterval"/> after, so that builds queued by another node, or
/// left behind by a node that stopped, are finished. Does nothing when the registered store is another one.
/// </summary>
internal sealed class PostgreSqlIndexBuildService(
    ICrmStore store, IOptions<PostgreSqlStoreOptions> options, IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not PostgreSqlCrmStore postgres)
        {
            return;
        }

        try
        {
            // In a host, the first look is when it has started; started by hand (no host lifetime), after one interval.
            using var timer = new PeriodicTimer(options.Value.IndexBuildPollInterval);
            if (services.GetService(typeof(IHostApplicationLifetime)) is IHostApplicationLifetime lifetime)
            {
                var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
                {
                    await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
                }

                postgres.WakeIndexBuilder();
            }

            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                postgres.WakeIndexBuilder();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; the store stops a build in progress when it is disposed.
        }
    }
}
