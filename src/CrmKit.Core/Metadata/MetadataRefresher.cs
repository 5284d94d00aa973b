using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Polls the store for schema versions other nodes committed (<see cref="CrmKitOptions.MetadataRefreshInterval"/>),
/// so that a metadata change made on one node is seen by the others within that interval.
/// </summary>
internal sealed partial class MetadataRefresher(
    MetadataFreshness freshness, IOptions<CrmKitOptions> options, TimeProvider clock, ILogger<MetadataRefresher>? logger = null)
    : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.MetadataRefreshInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await freshness.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(_logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the store for metadata changes failed; trying again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
