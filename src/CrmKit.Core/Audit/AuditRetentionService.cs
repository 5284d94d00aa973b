using CrmKit.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Audit;

/// <summary>
/// Deletes audit entries older than <see cref="AuditOptions.RetentionDays"/> every <see cref="AuditOptions.PruneInterval"/>,
/// in batches, so that a large backlog never holds the write lock for long. With a retention of 0 it does nothing.
/// </summary>
internal sealed partial class AuditRetentionService(
    ICrmStore store, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetentionService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Prunes once; returns how many entries were deleted.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.RetentionDays <= 0)
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(o.RetentionDays);
        long total = 0;
        while (true)
        {
            await using var session = await store.BeginAsync(write: true, cancellationToken);
            var deleted = await session.PruneAuditAsync(cutoff, o.PruneBatchSize, cancellationToken);
            await session.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < o.PruneBatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogPruned(_logger, total, cutoff);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PruneInterval, clock);
        do
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPruneFailed(_logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Pruned {Count} audit entries older than {Cutoff}.")]
    private static partial void LogPruned(ILogger logger, long count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Pruning the audit trail failed; it is retried at the next interval.")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
