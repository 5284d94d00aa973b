using System.Text.Json.Nodes;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Tests.Workflows.Engine;

public sealed class WorkflowEngineTests
{
    private const string LeadAssignment = """
        {"name": "lead-assignment", "enabled": true,
         "trigger": {"type": "record.created", "entity": "lead"},
         "steps": [
           {"id": "assign", "action": "assign_owner", "parameters": {"field": "responsible_user", "strategy": "round_robin", "members": ["u1", "u2"]}},
           {"id": "task", "action": "create_record", "parameters": {"entity": "activity",
             "values": {"type": "call", "subject": "Call {{ record.title }}", "responsible_user": "{{ record.responsible_user }}"}}}
         ]}
        """;

    [Fact]
    public async Task RecordCreated_ShouldAssignRoundRobinAndCreateCallTask_WhenLeadIsCreated()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync(LeadAssignment);

        var first = await host.CreateAsync("lead", """{"title": "Acme"}""");
        var second = await host.CreateAsync("lead", """{"title": "Globex"}""");
        await host.DrainAsync();

        // The two runs' steps may be dispatched in either order (the outbox runs jobs concurrently): round robin gives
        // each lead one of the members, never both the same one, and each call task follows its lead's assignee.
        var acme = (await host.Records.GetAsync(CrmTestHost.User, "lead", first.Id))!.Values["responsible_user"]!.GetValue<string>();
        var globex = (await host.Records.GetAsync(CrmTestHost.User, "lead", second.Id))!.Values["responsible_user"]!.GetValue<string>();
        new[] { acme, globex }.ShouldBe(["u1", "u2"], ignoreOrder: true);
        var tasks = await host.Records.QueryAsync(CrmTestHost.User, "activity", new RecordQuery { Sort = "subject" });
        tasks.Items.Select(t => t.Values["subject"]!.GetValue<string>()).ShouldBe(["Call Acme", "Call Globex"]);
        tasks.Items.Select(t => t.Values["responsible_user"]!.GetValue<string>()).ShouldBe([acme, globex]);
        var runs = await host.RunsOfAsync("lead-assignment");
        runs.Count.ShouldBe(2);
        runs.ShouldAllBe(r => r.Status == WorkflowRunStatus.Completed && r.WorkflowVersion == 1);
        var (_, steps) = await host.Runs().GetAsync(runs[0].Id);
        steps.Select(s => (s.StepId, s.Status)).ShouldBe([("assign", "completed"), ("task", "completed")]);
        steps[1].Input!.ShouldContain("Call ");
    }

    [Fact]
    public async Task RecordUpdated_ShouldStartOnlyWhenFieldChangesToValueAndConditionHolds()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "won-deal", "enabled": true,
             "trigger": {"type": "record.updated", "entity": "deal", "fields": ["stage"], "to": {"stage": "won"}},
             "condition": "record.probability > 50",
             "steps": [{"id": "mark", "action": "set_fields", "parameters": {"values": {"description": "won by {{ user.user_id }}"}}}]}
            """);
        var big = await host.CreateAsync("deal", """{"title": "Big", "stage": "new", "probability": 90}""");
        var small = await host.CreateAsync("deal", """{"title": "Small", "stage": "new", "probability": 10}""");

        await host.Records.UpdateAsync(CrmTestHost.User, "deal", big.Id, new JsonObject { ["probability"] = 95 }, null);
        await host.Records.UpdateAsync(CrmTestHost.User, "deal", big.Id, new JsonObject { ["stage"] = "lost" }, null);
        (await host.RunsOfAsync("won-deal")).ShouldBeEmpty();

        await host.Records.UpdateAsync(CrmTestHost.User, "deal", big.Id, new JsonObject { ["stage"] = "won" }, null);
        await host.Records.UpdateAsync(CrmTestHost.User, "deal", small.Id, new JsonObject { ["stage"] = "won" }, null);
        await host.DrainAsync();

        var runs = await host.RunsOfAsync("won-deal");
        runs.Count.ShouldBe(1);
        runs[0].RecordId.ShouldBe(big.Id);
        runs[0].Status.ShouldBe(WorkflowRunStatus.Completed);
        (await host.Records.GetAsync(CrmTestHost.User, "deal", big.Id))!.Values["description"].ShouldNotBeNull();
    }

    [Fact]
    public async Task RecordDeleted_ShouldStartRunWithPreviousValues()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "lead-gone", "enabled": true, "trigger": {"type": "record.deleted", "entity": "lead"},
             "steps": [{"id": "note", "action": "create_record", "parameters": {"entity": "activity", "values": {"type": "task", "subject": "Deleted {{ previous.title }}"}}}]}
            """);
        var lead = await host.CreateAsync("lead", """{"title": "Gone"}""");

        await host.Records.DeleteAsync(CrmTestHost.User, "lead", lead.Id, null);
        await host.DrainAsync();

        var tasks = await host.Records.QueryAsync(CrmTestHost.User, "activity", new RecordQuery());
        tasks.Items.Single().Values["subject"]!.GetValue<string>().ShouldBe("Deleted Gone");
    }

    [Fact]
    public async Task StepCondition_ShouldSkipStep_WhenFalse()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "maybe", "enabled": true, "trigger": {"type": "record.created", "entity": "lead"},
             "steps": [{"id": "never", "action": "set_fields", "condition": "record.title == 'nope'", "parameters": {"values": {"description": "x"}}}]}
            """);
        var lead = await host.CreateAsync("lead", """{"title": "Acme"}""");

        await host.DrainAsync();

        var run = (await host.RunsOfAsync("maybe")).Single();
        run.Status.ShouldBe(WorkflowRunStatus.Completed);
        (await host.Runs().GetAsync(run.Id)).Steps.Single().Status.ShouldBe(WorkflowRunStatus.Skipped);
        (await host.Records.GetAsync(CrmTestHost.User, "lead", lead.Id))!.Values["description"].ShouldBeNull();
    }

    [Fact]
    public async Task Run_ShouldKeepItsVersion_WhenWorkflowIsEditedMidRun()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        const string Template = """
            {"name": "pinned", "enabled": true, "trigger": {"type": "manual"},
             "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT1H"}},
                       {"id": "mark", "action": "set_fields", "parameters": {"values": {"description": "VERSION"}}}]}
            """;
        await host.SaveWorkflowAsync(Template.Replace("VERSION", "v1", StringComparison.Ordinal));
        var lead = await host.CreateAsync("lead", """{"title": "Acme"}""");
        var run = await host.Runs().StartAsync("pinned", "lead", lead.Id, CrmTestHost.User);
        await host.DrainAsync();

        await host.SaveWorkflowAsync(Template.Replace("VERSION", "v2", StringComparison.Ordinal), 1);
        clock.Now += TimeSpan.FromHours(2);
        await host.DrainAsync();

        (await host.Records.GetAsync(CrmTestHost.User, "lead", lead.Id))!.Values["description"]!.GetValue<string>().ShouldBe("v1");
        var (done, _) = await host.Runs().GetAsync(run.Id);
        done.Status.ShouldBe(WorkflowRunStatus.Completed);
        done.WorkflowVersion.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_ShouldRestartFromFailedStep_WhenCauseIsFixed()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "fragile", "enabled": true, "trigger": {"type": "manual"},
             "steps": [{"id": "one", "action": "create_record", "parameters": {"entity": "activity", "values": {"type": "task", "subject": "first"}}},
                       {"id": "two", "action": "create_record", "parameters": {"entity": "activity", "values": {"type": "nope", "subject": "second"}}}]}
            """);
        var run = await host.Runs().StartAsync("fragile", null, null, CrmTestHost.User);
        await host.DrainAsync();

        var (failed, steps) = await host.Runs().GetAsync(run.Id);
        failed.Status.ShouldBe(WorkflowRunStatus.Failed);
        failed.StepId.ShouldBe("two");
        failed.Error.ShouldNotBeNullOrEmpty();
        steps.Select(s => s.Status).ShouldBe(["completed", "failed"]);

        await host.Runs().RetryAsync(run.Id, CrmTestHost.User);
        await host.DrainAsync();

        // Still version 1 and still invalid: it fails at the same step again, and step one did not run twice.
        (await host.Runs().GetAsync(run.Id)).Run.StepId.ShouldBe("two");
        (await host.CountAsync("activity")).ShouldBe(1);
    }

    [Fact]
    public async Task Retry_ShouldBeRefused_WhenRunIsNotFailed()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""{"name": "ok", "enabled": true, "trigger": {"type": "manual"}, "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT1S"}}]}""");
        var run = await host.Runs().StartAsync("ok", null, null, CrmTestHost.User);

        var e = await Should.ThrowAsync<Sdk.Errors.CrmException>(() => host.Runs().RetryAsync(run.Id, CrmTestHost.User));

        e.Code.ShouldBe(WorkflowRunErrorCodes.RunNotFailed);
    }

    [Fact]
    public async Task StepJob_ShouldNotRepeatItsEffect_WhenDeliveredAgain()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "once", "enabled": true, "trigger": {"type": "manual"},
             "steps": [{"id": "task", "action": "create_record", "parameters": {"entity": "activity", "values": {"type": "task", "subject": "once"}}}]}
            """);
        var run = await host.Runs().StartAsync("once", null, null, CrmTestHost.User);
        await host.DrainAsync();

        // What a crash between the step's commit and the outbox marking its job done looks like: the job runs again.
        await host.Outbox().EnqueueAsync(WorkflowRunStarter.StepJob(run, 0, "task", null, 0, null), CancellationToken.None);
        await host.DrainAsync();

        (await host.CountAsync("activity")).ShouldBe(1);
        (await host.Runs().GetAsync(run.Id)).Steps.Single().Attempts.ShouldBe(1);
    }
}
