using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;
using NuGet.Versioning;

namespace CrmKit.AspNetCore.Tests.Outbox;

/// <summary>
/// A module whose PostOperation hook on <c>note</c> creates another note: every create nests one level deeper until
/// the pipeline's depth limit stops it (<c>pipeline.depth_exceeded</c>).
/// </summary>
public sealed class LoopingHookModule : ICrmModule
{
    public const string ModuleId = "test.looping";
    public const string HookName = "note-spawns-note";

    public static PluginManifest Manifest { get; } =
        new(ModuleId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)")) { DisplayName = "Looping hook" };

    public string Id => ModuleId;

    public void Configure(ICrmBuilder builder) => builder.AddRecordHook<NoteSpawnsNote>();

    private sealed class NoteSpawnsNote : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = HookName, Entity = "note", Stage = PipelineStage.PostOperation, Operations = [RecordOperation.Create],
        };

        public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            var records = context.Services.GetRequiredService<IRecordService>();
            await records.CreateAsync(context.Principal, "note", [new JsonObject { ["body"] = "child" }], cancellationToken);
        }
    }
}
