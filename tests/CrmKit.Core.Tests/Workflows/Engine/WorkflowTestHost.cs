using System.Text.Json.Nodes;
using CrmKit.Core.Outbox;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Workflows;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Core.Workflows.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Tests.Workflows.Engine;

/// <summary>A Core host with the outbox and the scheduler driven by the test on a manual clock.</summary>
internal static class WorkflowTestHost
{
    public static Task<CrmTestHost> StartAsync(
        ManualClock clock, int maxAttempts = 2, string? directory = null, Action<CrmKitBuilder>? configure = null) =>
        OutboxTestHost.StartAsync(clock, b =>
        {
            b.Services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
            b.Services.Configure<WorkflowEngineOptions>(o => o.SchedulerEnabled = false);
            configure?.Invoke(b);
        }, maxAttempts, directory);

    public static Task<WorkflowDefinition> SaveWorkflowAsync(this CrmTestHost host, string json, long? expectedVersion = null) =>
        host.Services.GetRequiredService<IWorkflowDefinitionService>()
            .SaveAsync(JsonNode.Parse(json)!.AsObject(), expectedVersion, CrmTestHost.User);

    public static IWorkflowRunService Runs(this CrmTestHost host) => host.Services.GetRequiredService<IWorkflowRunService>();

    public static Task<int> TickSchedulerAsync(this CrmTestHost host) =>
        host.Services.GetRequiredService<WorkflowScheduler>().TickAsync(CancellationToken.None);

    /// <summary>Dispatches due outbox jobs until none is left (bounded, so a bug cannot loop forever).</summary>
    public static async Task<int> DrainAsync(this CrmTestHost host)
    {
        var total = 0;
        for (var i = 0; i < 50; i++)
        {
            var n = await host.DispatchAsync();
            if (n == 0)
            {
                return total;
            }

            total += n;
        }

        return total;
    }

    public static Task<IReadOnlyList<Core.Storage.StoredWorkflowRun>> RunsOfAsync(this CrmTestHost host, string workflow) =>
        host.Runs().ListAsync(workflow);
}
