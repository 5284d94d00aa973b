using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CrmKit.Core.Tests.Outbox;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Services;

public sealed class RecordMessageTests
{
    private static readonly JsonObject Reason = new() { ["reason"] = "price" };

    [Fact]
    public async Task SendMessage_ShouldRunTheHandlerBetweenTheHooks_AndReturnItsOutput()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<WinDeal>()
            .AddRecordHook<PreValidationJournal>().AddRecordHook<PreOperationJournal>().AddRecordHook<PostOperationJournal>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");

        var output = await host.Records.SendMessageAsync(CrmTestHost.User, "deal", deal.Id, WinDeal.Name, Reason);

        output!["version"]!.GetValue<long>().ShouldBe(2);
        Journal(host).ShouldBe([
            "PreValidation:deal.win:1", "PreOperation:deal.win:1", "handler:new:depth 1", "PostOperation:deal.win:won"]);
        (await host.Records.GetAsync(CrmTestHost.User, "deal", deal.Id))!.Values["stage"]!.GetValue<string>().ShouldBe("won");
        (await host.CountAsync("note")).ShouldBe(1);
    }

    [Fact]
    public async Task SendMessage_ShouldRollBackTheHandlersWrites_WhenAPostOperationHookThrows()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<WinDeal>().AddRecordHook<FailAfterMessage>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.SendMessageAsync(CrmTestHost.User, "deal", deal.Id, WinDeal.Name, Reason));

        e.Code.ShouldBe("pipeline.hook_failed");
        e.Extensions["hook"].ShouldBe("fail-after-message");
        var stored = (await host.Records.GetAsync(CrmTestHost.User, "deal", deal.Id))!;
        stored.Version.ShouldBe(1);
        stored.Values["stage"]!.GetValue<string>().ShouldBe("new");
        (await host.CountAsync("note")).ShouldBe(0);
    }

    [Fact]
    public async Task SendMessage_ShouldNameTheModuleAndMessage_AndRollBack_WhenTheHandlerThrows()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<ExplodingMessage>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.SendMessageAsync(CrmTestHost.User, "deal", deal.Id, "deal.explode", []));

        e.Code.ShouldBe("record.message_failed");
        e.Kind.ShouldBe(CrmErrorKind.BadRequest);
        e.Extensions["message"].ShouldBe("deal.explode");
        e.Extensions["module"].ShouldNotBeNull();
        e.Message.ShouldContain("boom");
        (await host.CountAsync("note")).ShouldBe(0);
    }

    [Fact]
    public async Task SendMessage_ShouldReturnValidationErrorsWithPointers_WhenTheInputBreaksTheSchema()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<WinDeal>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.SendMessageAsync(
            CrmTestHost.User, "deal", deal.Id, WinDeal.Name, new JsonObject { ["reason"] = 5 }));

        e.Kind.ShouldBe(CrmErrorKind.Validation);
        e.Code.ShouldBe("validation.failed");
        var error = e.Errors.ShouldHaveSingleItem();
        error.Pointer.ShouldBe("/reason");
        error.Code.ShouldBe("value.type");
        Journal(host).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("deal", "deal.nope")]
    [InlineData("contact", WinDeal.Name)]
    public async Task SendMessage_ShouldBeNotFound_WhenTheEntityHasNoSuchMessage(string entity, string message)
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<WinDeal>());

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.SendMessageAsync(CrmTestHost.User, entity, Guid.NewGuid(), message, []));

        e.Kind.ShouldBe(CrmErrorKind.NotFound);
        e.Code.ShouldBe("record.message_not_found");
    }

    [Fact]
    public async Task SendMessage_ShouldBeNotFound_WhenTheRecordDoesNotExist()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<WinDeal>());

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.SendMessageAsync(CrmTestHost.User, "deal", Guid.NewGuid(), WinDeal.Name, Reason));

        e.Code.ShouldBe("record.not_found");
    }

    [Fact]
    public async Task Hooks_ShouldRunForMessages_OnlyWhenTheyListTheMessageOperationAndName()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<WinDeal>()
            .AddRecordHook<AnyOperationJournal>().AddRecordHook<OtherMessageJournal>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");
        Journal(host).ShouldBe(["any:Create"]);

        await host.Records.SendMessageAsync(CrmTestHost.User, "deal", deal.Id, WinDeal.Name, Reason);

        // The handler's own update is an ordinary update; the message itself reaches neither hook.
        Journal(host).ShouldBe(["any:Create", "handler:new:depth 1", "any:Update"]);
    }

    [Fact]
    public async Task SendMessage_ShouldStopAtTheDepthLimit_WhenTheHandlerSendsItself()
    {
        await using var host = await StartAsync(b => b.AddRecordMessage<RecursiveMessage>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.SendMessageAsync(CrmTestHost.User, "deal", deal.Id, "deal.again", []));

        e.Code.ShouldBe("pipeline.depth_exceeded");
    }

    [Fact]
    public async Task PostCommitHook_ShouldRunForAMessage_ThroughTheOutbox_WithTheMessageName()
    {
        await using var host = await OutboxTestHost.StartAsync(new ManualClock(), b => b
            .AddRecordMessage<WinDeal>().AddRecordHook<PostCommitJournal>().Services.AddSingleton<MessageJournal>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "stage": "new"}""");

        await host.Records.SendMessageAsync(CrmTestHost.User, "deal", deal.Id, WinDeal.Name, Reason);
        (await host.DispatchAsync()).ShouldBe(1);

        var context = host.Services.GetRequiredService<ConcurrentQueue<RecordHookContext>>().ShouldHaveSingleItem();
        context.Operation.ShouldBe(RecordOperation.Message);
        context.MessageName.ShouldBe(WinDeal.Name);
        context.PreImage!.Values["stage"]!.GetValue<string>().ShouldBe("new");
        context.PostImage!.Values["stage"]!.GetValue<string>().ShouldBe("won");
    }

    private static Task<CrmTestHost> StartAsync(Action<CrmKitBuilder> configure) =>
        CrmTestHost.StartAsync(b =>
        {
            b.Services.AddSingleton<MessageJournal>();
            configure(b);
        });

    private static List<string> Journal(CrmTestHost host) => [.. host.Services.GetRequiredService<MessageJournal>()];

    private sealed class MessageJournal : ConcurrentQueue<string>;

    /// <summary>Marks a deal won, files the reason as a note and returns the deal's new version.</summary>
    private sealed class WinDeal(MessageJournal journal) : IRecordMessageHandler
    {
        public const string Name = "deal.win";

        public RecordMessageDescriptor Descriptor { get; } = new(Name, "deal", LocalizedText.Of("Win"), new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "string", ["minLength"] = 3 } },
            ["required"] = new JsonArray("reason"),
        });

        public async ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken)
        {
            journal.Enqueue($"handler:{context.Record.Values["stage"]}:depth {context.Depth}");
            var records = context.Services.GetRequiredService<IRecordService>();
            var won = await records.UpdateAsync(
                context.Principal, context.Entity.Name, context.RecordId, new JsonObject { ["stage"] = "won" }, context.Record.Version, cancellationToken);
            await records.CreateAsync(context.Principal, "note", [new JsonObject { ["body"] = context.Input["reason"]!.DeepClone() }], cancellationToken);
            return new JsonObject { ["version"] = won.Version };
        }
    }

    private sealed class ExplodingMessage : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new("deal.explode", "*", LocalizedText.Of("Explode"));

        public async ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken)
        {
            var records = context.Services.GetRequiredService<IRecordService>();
            await records.CreateAsync(context.Principal, "note", [new JsonObject { ["body"] = "x" }], cancellationToken);
            throw new InvalidOperationException("boom");
        }
    }

    private sealed class RecursiveMessage : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new("deal.again", "deal", LocalizedText.Of("Again"));

        public async ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken) =>
            await context.Services.GetRequiredService<IRecordService>().SendMessageAsync(
                context.Principal, context.Entity.Name, context.RecordId, context.Message, [], cancellationToken);
    }

    private abstract class JournalHook(MessageJournal journal, PipelineStage stage) : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "journal-" + stage, Entity = "deal", Stage = stage, Operations = [RecordOperation.Message], Messages = [WinDeal.Name],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            var detail = context.PostImage is { } post ? post.Values["stage"]!.GetValue<string>() : context.PreImage!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            journal.Enqueue($"{context.Stage}:{context.MessageName}:{detail}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PreValidationJournal(MessageJournal journal) : JournalHook(journal, PipelineStage.PreValidation);

    private sealed class PreOperationJournal(MessageJournal journal) : JournalHook(journal, PipelineStage.PreOperation);

    private sealed class PostOperationJournal(MessageJournal journal) : JournalHook(journal, PipelineStage.PostOperation);

    private sealed class AnyOperationJournal(MessageJournal journal) : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new() { Name = "any", Entity = "deal", Stage = PipelineStage.PreOperation };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            journal.Enqueue("any:" + context.Operation);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class OtherMessageJournal(MessageJournal journal) : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "other", Entity = "deal", Stage = PipelineStage.PreOperation, Operations = [RecordOperation.Message], Messages = ["deal.lose"],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            journal.Enqueue("other:" + context.MessageName);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailAfterMessage : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "fail-after-message", Entity = "deal", Stage = PipelineStage.PostOperation, Operations = [RecordOperation.Message],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no");
    }

    private sealed class PostCommitJournal(ConcurrentQueue<RecordHookContext> log) : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "post-commit-journal", Entity = "deal", Stage = PipelineStage.PostCommit, Operations = [RecordOperation.Message],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            log.Enqueue(context);
            return ValueTask.CompletedTask;
        }
    }
}
