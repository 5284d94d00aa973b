using System.Text.Json.Nodes;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Tests.Workflows.Engine;

namespace CrmKit.Core.Tests.Workflows.Scheduling;

public sealed class WorkflowSchedulerTests
{
    private const string Hourly = """
        {"name": "hourly", "enabled": true, "trigger": {"type": "schedule", "cron": "0 * * * *", "timeZone": "Europe/Moscow"},
         "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT1S"}}]}
        """;

    [Fact]
    public async Task Tick_ShouldFireEachOccurrenceOnce_WhenCalledAgainAndAfterRestart()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2025, 3, 1, 9, 10, 0, TimeSpan.Zero) };
        var directory = Directory.CreateTempSubdirectory("crmkit-sched-").FullName;
        var copy = Directory.CreateTempSubdirectory("crmkit-sched-").FullName;
        await using (var host = await WorkflowTestHost.StartAsync(clock, directory: directory))
        {
            await host.SaveWorkflowAsync(Hourly);
            clock.Now = new DateTimeOffset(2025, 3, 1, 10, 0, 30, TimeSpan.Zero);
            (await host.TickSchedulerAsync()).ShouldBe(1);
            (await host.TickSchedulerAsync()).ShouldBe(0);

            // The host deletes its store when disposed: the store as committed, copied, is what the restarted host opens.
            await host.StopAsync();
            TestStore.Copy(directory, copy);
        }

        await using var restarted = await WorkflowTestHost.StartAsync(clock, directory: copy);
        (await restarted.TickSchedulerAsync()).ShouldBe(0);
        clock.Now = new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.Zero);
        (await restarted.TickSchedulerAsync()).ShouldBe(1);
        (await restarted.RunsOfAsync("hourly")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Tick_ShouldFireOnlyMostRecentMissedOccurrence_WhenDownForHours()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2025, 3, 1, 9, 10, 0, TimeSpan.Zero) };
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync(Hourly);

        clock.Now = new DateTimeOffset(2025, 3, 1, 14, 30, 0, TimeSpan.Zero);
        (await host.TickSchedulerAsync()).ShouldBe(1);

        var run = (await host.RunsOfAsync("hourly")).Single();
        var data = JsonNode.Parse(run.TriggerData)!;
        data["payload"]!["occurrence"]!.GetValue<DateTimeOffset>().ShouldBe(new DateTimeOffset(2025, 3, 1, 14, 0, 0, TimeSpan.Zero));
        data["payload"]!["skipped"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task DateRelative_ShouldFireOnceADayBeforeDueDate()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero) };
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "reminder", "enabled": true, "trigger": {"type": "date.relative", "entity": "activity", "field": "due_at", "offset": "-P1D"},
             "steps": [{"id": "remind", "action": "set_fields", "parameters": {"values": {"description": "reminded"}}}]}
            """);
        var task = await host.CreateAsync("activity", """{"type": "call", "subject": "Call", "due_at": "2025-03-05T12:00:00Z"}""");

        clock.Now = new DateTimeOffset(2025, 3, 4, 11, 59, 0, TimeSpan.Zero);
        (await host.TickSchedulerAsync()).ShouldBe(0);
        clock.Now = new DateTimeOffset(2025, 3, 4, 12, 0, 0, TimeSpan.Zero);
        (await host.TickSchedulerAsync()).ShouldBe(1);
        (await host.TickSchedulerAsync()).ShouldBe(0);
        await host.DrainAsync();

        (await host.Records.GetAsync(CrmTestHost.User, "activity", task.Id))!.Values["description"]!.GetValue<string>().ShouldBe("reminded");
    }

    [Fact]
    public async Task DateRelative_ShouldBackfillExistingRecords_OnlyForFutureDueInstants()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero) };
        await using var host = await WorkflowTestHost.StartAsync(clock);
        var future = await host.CreateAsync("activity", """{"type": "call", "subject": "Future", "due_at": "2025-03-10T12:00:00Z"}""");
        await host.CreateAsync("activity", """{"type": "call", "subject": "Past", "due_at": "2025-02-01T12:00:00Z"}""");
        await host.SaveWorkflowAsync("""
            {"name": "late-reminder", "enabled": true, "trigger": {"type": "date.relative", "entity": "activity", "field": "due_at", "offset": "-P1D"},
             "steps": [{"id": "remind", "action": "set_fields", "parameters": {"values": {"description": "reminded"}}}]}
            """);

        (await host.TickSchedulerAsync()).ShouldBe(0);
        clock.Now = new DateTimeOffset(2025, 3, 9, 12, 0, 0, TimeSpan.Zero);
        (await host.TickSchedulerAsync()).ShouldBe(1);

        (await host.RunsOfAsync("late-reminder")).Single().RecordId.ShouldBe(future.Id);
    }
}
