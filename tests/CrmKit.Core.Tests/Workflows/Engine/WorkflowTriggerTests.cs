using System.Text.Json.Nodes;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Workflows.Engine;

public sealed class WorkflowTriggerTests
{
    private static WorkflowEvent Event(string type, JsonObject payload, string key) => new()
    {
        TriggerType = type,
        Payload = payload,
        OccurredAt = DateTimeOffset.UtcNow,
        Principal = CrmPrincipal.System,
        IdempotencyKey = key,
    };

    [Fact]
    public async Task InboundMessage_ShouldStartWorkflowsOfThatChannelOnce()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock);
        await host.SaveWorkflowAsync("""
            {"name": "tg-in", "enabled": true, "trigger": {"type": "message.inbound", "channel": "telegram"},
             "steps": [{"id": "lead", "action": "create_record", "parameters": {"entity": "lead", "values": {"title": "From {{ extra.event.from }}"}}}]}
            """);
        var sink = host.Services.GetRequiredService<IWorkflowEventSink>();

        (await sink.RaiseAsync(Event("message.inbound", new JsonObject { ["channel"] = "whatsapp", ["from"] = "x" }, "m0"))).ShouldBeFalse();
        (await sink.RaiseAsync(Event("message.inbound", new JsonObject { ["channel"] = "telegram", ["from"] = "ivan" }, "m1"))).ShouldBeTrue();
        (await sink.RaiseAsync(Event("message.inbound", new JsonObject { ["channel"] = "telegram", ["from"] = "ivan" }, "m1"))).ShouldBeFalse();
        await host.DrainAsync();

        (await host.RunsOfAsync("tg-in")).Count.ShouldBe(1);
        (await host.CountAsync("lead")).ShouldBe(1);
    }

    [Fact]
    public async Task PluginTrigger_ShouldStartOnlyWorkflowsItMatches()
    {
        var clock = new ManualClock();
        await using var host = await WorkflowTestHost.StartAsync(clock, configure: b => b.Services.AddSingleton<IWorkflowTrigger>(new LevelTrigger()));
        await host.SaveWorkflowAsync("""
            {"name": "high", "enabled": true, "trigger": {"type": "acme.level", "parameters": {"minLevel": 5}},
             "steps": [{"id": "wait", "action": "delay", "parameters": {"duration": "PT0S"}}]}
            """);
        var sink = host.Services.GetRequiredService<IWorkflowEventSink>();

        (await sink.RaiseAsync(Event("acme.level", new JsonObject { ["level"] = 3 }, "e1"))).ShouldBeFalse();
        (await sink.RaiseAsync(Event("acme.level", new JsonObject { ["level"] = 7 }, "e2"))).ShouldBeTrue();

        (await host.RunsOfAsync("high")).Count.ShouldBe(1);
    }
}
