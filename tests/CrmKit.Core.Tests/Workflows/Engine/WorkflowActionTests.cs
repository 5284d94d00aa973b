using System.Text.Json.Nodes;
using CrmKit.Core.Templates;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Workflows.Engine;

public sealed class WorkflowActionTests
{
    [Fact]
    public async Task AssignOwner_ShouldPickMemberWithFewestOpenRecords_WhenLeastLoaded()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.CreateAsync("lead", """{"title": "a", "responsible_user": "u1"}""");
        await host.CreateAsync("lead", """{"title": "b", "responsible_user": "u1"}""");
        await host.CreateAsync("lead", """{"title": "c", "responsible_user": "u2"}""");
        await host.CreateAsync("lead", """{"title": "closed1", "responsible_user": "u2", "status": "converted"}""");
        await host.CreateAsync("lead", """{"title": "closed2", "responsible_user": "u2", "status": "disqualified"}""");
        await host.SaveWorkflowAsync("""
            {"name": "balance", "enabled": true, "trigger": {"type": "record.created", "entity": "lead"}, "condition": "record.responsible_user == null",
             "steps": [{"id": "assign", "action": "assign_owner", "parameters": {"field": "responsible_user", "strategy": "least_loaded", "members": ["u1", "u2"]}}]}
            """);

        var lead = await host.CreateAsync("lead", """{"title": "new"}""");
        await host.DrainAsync();

        (await host.Records.GetAsync(CrmTestHost.User, "lead", lead.Id))!.Values["responsible_user"]!.GetValue<string>().ShouldBe("u2");
    }

    [Fact]
    public async Task RenderTemplate_ShouldCreateDocumentAttachedToRecord_WhenDealIsWon()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.Services.GetRequiredService<ITemplateService>().SaveAsync(CrmTestHost.User, new TemplateSaveRequest
        {
            Name = "commercial_offer", Locale = "ru-RU", Kind = "document", Source = "Offer for {{ record.title }}",
        });
        await host.SaveWorkflowAsync("""
            {"name": "won-offer", "enabled": true, "trigger": {"type": "record.updated", "entity": "deal", "fields": ["stage"], "to": {"stage": "won"}},
             "steps": [{"id": "offer", "action": "render_template", "parameters": {"template": "commercial_offer", "to": "document", "title": "Offer {{ record.title }}"}}]}
            """);
        var deal = await host.CreateAsync("deal", """{"title": "Acme", "stage": "new"}""");

        await host.Records.UpdateAsync(CrmTestHost.User, "deal", deal.Id, new JsonObject { ["stage"] = "won" }, null);
        await host.DrainAsync();

        var document = (await host.Records.QueryAsync(CrmTestHost.User, "document", new RecordQuery())).Items.Single();
        document.Values["title"]!.GetValue<string>().ShouldBe("Offer Acme");
        document.Values["body"]!.GetValue<string>().ShouldBe("Offer for Acme");
        document.Values["source_entity"]!.GetValue<string>().ShouldBe("deal");
        document.Values["source_id"]!.GetValue<string>().ShouldBe(deal.Id.ToString("D"));
    }

    [Fact]
    public async Task SendMessage_ShouldSendThroughChannel_AndFailStepClearly_WhenChannelIsMissing()
    {
        var clock = new ManualClock();
        var channel = new RecordingChannel();
        await using var host = await WorkflowTestHost.StartAsync(clock, configure: b => b.Services.AddSingleton<IMessageChannel>(channel));
        await host.SaveWorkflowAsync("""
            {"name": "texts", "enabled": true, "trigger": {"type": "manual"},
             "steps": [{"id": "sms", "action": "send_message", "parameters": {"channel": "sms", "to": "+79160000000", "text": "Hi {{ record.title }}"}},
                       {"id": "tg", "action": "send_message", "parameters": {"channel": "telegram", "to": "42", "text": "Hi"}}]}
            """);
        var lead = await host.CreateAsync("lead", """{"title": "Acme"}""");

        var run = await host.Runs().StartAsync("texts", "lead", lead.Id, CrmTestHost.User);
        await host.DrainAsync();

        var sent = channel.Sent.Single();
        (sent.Message.ConversationId, sent.Message.Text).ShouldBe(("+79160000000", "Hi Acme"));
        sent.IdempotencyKey.ShouldBe($"{run.Id:N}:sms");
        var (failed, steps) = await host.Runs().GetAsync(run.Id);
        failed.Status.ShouldBe(WorkflowRunStatus.Failed);
        steps[1].Error!.ShouldContain("telegram");
    }

    [Fact]
    public async Task PluginAction_ShouldGetRenderedParametersAndContext()
    {
        var clock = new ManualClock();
        var echo = new EchoAction();
        await using var host = await WorkflowTestHost.StartAsync(clock, configure: b => b.Services.AddSingleton<IWorkflowAction>(echo));
        await host.SaveWorkflowAsync("""
            {"name": "plugin", "enabled": true, "trigger": {"type": "manual"},
             "steps": [{"id": "x", "action": "acme.echo", "parameters": {"greeting": "Hello {{ record.title }}", "n": 3}}]}
            """);
        var lead = await host.CreateAsync("lead", """{"title": "Acme"}""");

        var run = await host.Runs().StartAsync("plugin", "lead", lead.Id, CrmTestHost.User);
        await host.DrainAsync();

        var call = echo.Calls.Single();
        (call.WorkflowId, call.WorkflowVersion, call.RunId, call.StepId).ShouldBe(("plugin", 1L, run.Id, "x"));
        call.Parameters["greeting"]!.GetValue<string>().ShouldBe("Hello Acme");
        call.Record!.Id.ShouldBe(lead.Id);
        var (done, steps) = await host.Runs().GetAsync(run.Id);
        done.Status.ShouldBe(WorkflowRunStatus.Completed);
        steps.Single().Output!.ShouldContain("Hello Acme");
    }

    [Fact]
    public async Task Delay_ShouldHoldNextStepUntilDurationPassed()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "later", "enabled": true, "trigger": {"type": "manual"},
             "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT1H"}},
                       {"id": "task", "action": "create_record", "parameters": {"entity": "activity", "values": {"type": "task", "subject": "later"}}}]}
            """);
        var run = await host.Runs().StartAsync("later", null, null, CrmTestHost.User);

        await host.DrainAsync();
        (await host.CountAsync("activity")).ShouldBe(0);
        (await host.Runs().GetAsync(run.Id)).Run.Status.ShouldBe(WorkflowRunStatus.Running);

        clock.Now += TimeSpan.FromMinutes(61);
        await host.DrainAsync();
        (await host.CountAsync("activity")).ShouldBe(1);
    }
}
