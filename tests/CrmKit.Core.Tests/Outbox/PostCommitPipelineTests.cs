using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CrmKit.Core.Outbox;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Outbox;

public sealed class PostCommitPipelineTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public async Task PostCommitHook_ShouldRunThroughTheOutbox_AfterCommit_WithImagesChangesPrincipalAndKey()
    {
        await using var host = await OutboxTestHost.StartAsync(_clock, b => b.AddRecordHook<LogDealAmount>());
        var log = host.Services.GetRequiredService<ConcurrentQueue<RecordHookContext>>();
        var deal = await host.CreateAsync("deal", """{"title": "A", "probability": 10, "stage": "new"}""");
        await host.Records.UpdateAsync(CrmTestHost.User, "deal", deal.Id, new JsonObject { ["probability"] = 20 }, null);

        log.ShouldBeEmpty();
        var jobs = await host.Admin().ListAsync(OutboxJobState.Pending, null, 10, CancellationToken.None);
        jobs.Select(j => j.Kind).ShouldBe([OutboxJobKinds.PostCommit, OutboxJobKinds.PostCommit]);

        (await host.DispatchAsync()).ShouldBe(2);

        var update = log.Single(c => c.Operation == RecordOperation.Update);
        update.Stage.ShouldBe(PipelineStage.PostCommit);
        update.PreImage!.Values["probability"]!.GetValue<int>().ShouldBe(10);
        update.PostImage!.Values["probability"]!.GetValue<int>().ShouldBe(20);
        update.PostImage.Version.ShouldBe(2);
        update.ChangedFields.ShouldBe(["probability"]);
        update.Principal.UserId.ShouldBe("alice");
        update.Principal.Roles.ShouldBe(CrmTestHost.User.Roles);
        update.Depth.ShouldBe(1);
        update.Items["outbox.idempotencyKey"].ShouldBe(jobs[1].IdempotencyKey);
        log.Single(c => c.Operation == RecordOperation.Create).PreImage.ShouldBeNull();
    }

    [Fact]
    public async Task PostCommitHook_ShouldNotBeQueued_WhenTheOperationRollsBack()
    {
        await using var host = await OutboxTestHost.StartAsync(_clock, b => b.AddRecordHook<LogDealAmount>().AddRecordHook<RejectBigDeals>());

        await Should.ThrowAsync<CrmException>(() => host.CreateAsync("deal", """{"title": "A", "probability": 90}"""));

        (await host.Admin().ListAsync(null, null, 10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task PostCommitHook_ShouldHonourTheChangedFieldsFilter()
    {
        await using var host = await OutboxTestHost.StartAsync(_clock, b => b.AddRecordHook<LogDealAmount>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "probability": 10, "stage": "new"}""");

        await host.Records.UpdateAsync(CrmTestHost.User, "deal", deal.Id, new JsonObject { ["title"] = "B" }, null);

        (await host.Admin().ListAsync(null, null, 10, CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PostCommitJob_ShouldCompleteWithANote_WhenItsHookIsGone()
    {
        await using var host = await OutboxTestHost.StartAsync(_clock, b => b.AddRecordHook<LogDealAmount>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "probability": 10, "stage": "new"}""");
        var queued = (await host.Admin().ListAsync(null, null, 10, CancellationToken.None)).ShouldHaveSingleItem();

        // The same job as queued by a plugin hook that has since been disabled.
        var payload = JsonNode.Parse(queued.Payload)!.AsObject();
        payload["hook"]!["owner"] = "acme.gone";
        await host.Outbox().EnqueueAsync(new OutboxJobRequest { Kind = OutboxJobKinds.PostCommit, Payload = payload }, CancellationToken.None);
        (await host.DispatchAsync()).ShouldBe(2);

        var done = await host.Admin().ListAsync(OutboxJobState.Done, null, 10, CancellationToken.None);
        done.Count.ShouldBe(2);
        done[0].Note.ShouldBeNull();
        done[1].Note!.ShouldContain("acme.gone");
        host.Services.GetRequiredService<ConcurrentQueue<RecordHookContext>>().Count.ShouldBe(1);
        deal.Version.ShouldBe(1);
    }

    [Fact]
    public async Task PreValidation_ShouldRunOutsideTheTransaction_AndAConcurrentChangeIsAVersionConflict()
    {
        await using var host = await OutboxTestHost.StartAsync(_clock, b => b.AddRecordHook<TouchOnPreValidation>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "probability": 10, "stage": "new"}""");

        // The hook changes the record through a separate operation: inside the transaction it would join it.
        var e = await Should.ThrowAsync<CrmException>(() =>
            host.Records.UpdateAsync(CrmTestHost.User, "deal", deal.Id, new JsonObject { ["probability"] = 99 }, null));

        e.Code.ShouldBe("record.version_conflict");
        var stored = (await host.Records.GetAsync(CrmTestHost.User, "deal", deal.Id))!;
        stored.Version.ShouldBe(2);
        stored.Values["title"]!.GetValue<string>().ShouldBe("touched");
        stored.Values["probability"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public async Task FailingPreValidation_ShouldNameTheHook_AndWriteNothing()
    {
        await using var host = await OutboxTestHost.StartAsync(_clock, b => b.AddRecordHook<RejectDeletes>().AddRecordHook<LogDealAmount>());
        var deal = await host.CreateAsync("deal", """{"title": "A", "probability": 10, "stage": "new"}""");

        var e = await Should.ThrowAsync<CrmException>(() => host.Records.DeleteAsync(CrmTestHost.User, "deal", deal.Id, null));

        e.Code.ShouldBe("pipeline.hook_failed");
        e.Extensions["hook"].ShouldBe("no-deletes");
        e.Extensions["module"].ShouldBe("host"); // registered on the host's own builder
        (await host.Records.GetAsync(CrmTestHost.User, "deal", deal.Id))!.Version.ShouldBe(1);
        (await host.Admin().ListAsync(null, null, 10, CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task RecursiveHook_ShouldStopAtTheDepthLimit_NamingTheHook()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<NoteSpawnsNote>());

        var e = await Should.ThrowAsync<CrmException>(() => host.CreateAsync("note", """{"body": "x"}"""));

        e.Code.ShouldBe("pipeline.depth_exceeded");
        e.Kind.ShouldBe(CrmErrorKind.Conflict);
        e.Extensions["hook"].ShouldBe("spawn");
        (await host.CountAsync("note")).ShouldBe(0);
    }

    private sealed class LogDealAmount(ConcurrentQueue<RecordHookContext> log) : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "log-probability", Entity = "deal", Stage = PipelineStage.PostCommit, ChangedFields = ["probability"],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            log.Enqueue(context);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RejectBigDeals : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new() { Name = "reject-big", Entity = "deal", Stage = PipelineStage.PostOperation };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken) =>
            context.PostImage!.Values["probability"]!.GetValue<int>() > 50 ? throw new InvalidOperationException("too big") : ValueTask.CompletedTask;
    }

    private sealed class RejectDeletes : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "no-deletes", Entity = "deal", Stage = PipelineStage.PreValidation, Operations = [RecordOperation.Delete],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("deals are kept");
    }

    private sealed class TouchOnPreValidation : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "touch", Entity = "deal", Stage = PipelineStage.PreValidation, Operations = [RecordOperation.Update], ChangedFields = ["probability"],
        };

        public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            var records = context.Services.GetRequiredService<IRecordService>();
            await records.UpdateAsync(context.Principal, "deal", context.RecordId, new JsonObject { ["title"] = "touched" }, null, cancellationToken);
        }
    }

    private sealed class NoteSpawnsNote : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new() { Name = "spawn", Entity = "note", Stage = PipelineStage.PostOperation };

        public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            var records = context.Services.GetRequiredService<IRecordService>();
            await records.CreateAsync(context.Principal, "note", [new JsonObject { ["body"] = "child" }], cancellationToken);
        }
    }
}
