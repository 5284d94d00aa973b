using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Security;

/// <summary>
/// Checks the stored security revision every <see cref="SecurityOptions.DirectoryRefreshInterval"/> and reloads the
/// directory when another node sharing the database changed accounts, teams or roles.
/// </summary>
internal sealed partial class SecurityDirectoryRefresher(
    SecurityDirectoryCache cache, IOptions<SecurityOptions> options, TimeProvider clock, ILogger<SecurityDirectoryRefresher>? logger = null)
    : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DirectoryRefreshInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await cache.RefreshAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may be briefly unavailable; the current snapshot stays in force until the next tick.
                LogRefreshFailed(_logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Could not refresh the security directory.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
