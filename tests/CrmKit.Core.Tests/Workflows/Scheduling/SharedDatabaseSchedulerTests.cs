using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Tests.Workflows.Engine;
using CrmKit.Core.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Workflows.Scheduling;

/// <summary>Two nodes over one database tick their schedulers at the same moments: each occurrence fires once.</summary>
public sealed class SharedDatabaseSchedulerTests
{
    private const string Hourly = """
        {"name": "hourly", "enabled": true, "trigger": {"type": "schedule", "cron": "0 * * * *"},
         "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT1S"}}]}
        """;

    [Fact]
    public async Task TwoNodes_TickingTogether_ShouldFireEachOccurrenceOnce()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2025, 3, 1, 9, 10, 0, TimeSpan.Zero) };
        var directory = Directory.CreateTempSubdirectory("crmkit-sched-nodes-").FullName;
        await using var a = await WorkflowTestHost.StartAsync(clock, directory: directory);
        await a.SaveWorkflowAsync(Hourly);
        await using var b = await WorkflowTestHost.StartAsync(clock, directory: directory);

        var fired = 0;
        for (var hour = 10; hour <= 14; hour++)
        {
            clock.Now = new DateTimeOffset(2025, 3, 1, hour, 0, 5, TimeSpan.Zero);
            var ticks = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? a : b).TickSchedulerAsync()));
            fired += ticks.Sum();
        }

        fired.ShouldBe(5, "one run per hourly occurrence, whichever node fired it");
        var runs = await a.RunsOfAsync("hourly");
        runs.Count.ShouldBe(5);
        (await b.RunsOfAsync("hourly")).Count.ShouldBe(5);
    }

    [Fact]
    public async Task WorkflowSavedOnOneNode_ShouldFireOnTheOther_AfterItsRefresh()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2025, 3, 1, 9, 10, 0, TimeSpan.Zero) };
        var directory = Directory.CreateTempSubdirectory("crmkit-wf-nodes-").FullName;
        await using var a = await WorkflowTestHost.StartAsync(clock, directory: directory);
        await using var b = await WorkflowTestHost.StartAsync(clock, directory: directory);
        var definitions = b.Services.GetRequiredService<DefaultWorkflowDefinitionService>();

        await a.SaveWorkflowAsync(Hourly);
        clock.Now = new DateTimeOffset(2025, 3, 1, 10, 0, 5, TimeSpan.Zero);
        var before = await b.TickSchedulerAsync();
        (await definitions.RefreshAsync(CancellationToken.None)).ShouldBeTrue();
        var after = await b.TickSchedulerAsync();
        await a.Services.GetRequiredService<IWorkflowDefinitionService>().SetEnabledAsync("hourly", false, CrmTestHost.User);
        (await definitions.RefreshAsync(CancellationToken.None)).ShouldBeTrue();
        clock.Now = new DateTimeOffset(2025, 3, 1, 11, 0, 5, TimeSpan.Zero);
        var disabled = await b.TickSchedulerAsync();

        before.ShouldBe(0, "node b does not know the workflow yet");
        after.ShouldBe(1, "after its refresh node b fires it");
        disabled.ShouldBe(0, "and it sees it disabled on the next refresh");
    }
}
