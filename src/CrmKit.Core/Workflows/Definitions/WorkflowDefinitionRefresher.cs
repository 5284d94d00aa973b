using CrmKit.Core.Workflows.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Workflows;

/// <summary>
/// Loads, every <see cref="WorkflowEngineOptions.DefinitionRefreshInterval"/>, the workflow changes other nodes sharing
/// the database made, so that their triggers fire here too.
/// </summary>
internal sealed partial class WorkflowDefinitionRefresher(
    DefaultWorkflowDefinitionService definitions, IOptions<WorkflowEngineOptions> options, TimeProvider clock,
    ILogger<WorkflowDefinitionRefresher>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DefinitionRefreshInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await definitions.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(_logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading workflow changes from the store failed; trying again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
