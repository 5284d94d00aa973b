using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Tests.Services;

public sealed class PipelineTests
{
    [Fact]
    public async Task PreOperationHook_ShouldChangeTheStoredRecord()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<UpperCaseLastName>());

        var contact = await host.CreateAsync("contact", """{"first_name": "A", "last_name": "petrov"}""");

        (await host.Records.GetAsync(CrmTestHost.User, "contact", contact.Id))!.Values["last_name"]!.GetValue<string>().ShouldBe("PETROV");
    }

    [Fact]
    public async Task FailingHook_ShouldRollBack_AndNameTheHook()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<FailingPostOperation>());

        var e = await Should.ThrowAsync<CrmException>(() => host.CreateAsync("note", """{"body": "x"}"""));

        e.Code.ShouldBe("pipeline.hook_failed");
        e.Extensions["hook"].ShouldBe("explode");
        (await host.CountAsync("note")).ShouldBe(0);
    }

    [Fact]
    public async Task RecursiveHook_ShouldStopAtDepthLimit_AndWriteNothing()
    {
        await using var host = await CrmTestHost.StartAsync(b => b.AddRecordHook<NoteSpawnsNote>());

        var e = await Should.ThrowAsync<CrmException>(() => host.CreateAsync("note", """{"body": "x"}"""));

        e.Code.ShouldBe("pipeline.depth_exceeded");
        (await host.CountAsync("note")).ShouldBe(0);
    }

    private sealed class UpperCaseLastName : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "upper", Entity = "contact", Stage = PipelineStage.PreOperation, Operations = [RecordOperation.Create],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            context.Target["last_name"] = context.Target["last_name"]!.GetValue<string>().ToUpperInvariant();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class FailingPostOperation : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new() { Name = "explode", Entity = "note", Stage = PipelineStage.PostOperation };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class NoteSpawnsNote : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new() { Name = "spawn", Entity = "note", Stage = PipelineStage.PostOperation };

        public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            var records = (IRecordService)context.Services.GetService(typeof(IRecordService))!;
            await records.CreateAsync(context.Principal, "note", [new JsonObject { ["body"] = "child" }], cancellationToken);
        }
    }
}
