using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Runtime;

/// <summary>A plugin with a workflow action and a record hook that fills a contact's job title when it is missing.</summary>
internal sealed class GreetingModule : ICrmModule
{
    public const string PluginId = "test.greeting";
    public const string Action = "workflow-action:test.greet";

    public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"))
    {
        Provides = [Action],
    };

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder) => builder.AddWorkflowAction<GreetAction>().AddRecordHook<DefaultNicknameHook>();

    private sealed class GreetAction : IWorkflowAction
    {
        public WorkflowActionDescriptor Descriptor { get; } = new("test.greet", LocalizedText.Of("Greet"));

        public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(WorkflowActionResult.Success(new JsonObject { ["text"] = "hello" }));
    }

    private sealed class DefaultNicknameHook : IRecordHook
    {
        public RecordHookDescriptor Descriptor { get; } = new()
        {
            Name = "test.greeting.default-position",
            Entity = "contact",
            Stage = PipelineStage.PreOperation,
            Operations = [RecordOperation.Create],
        };

        public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
        {
            context.Target["position"] ??= "greeted";
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Decorates test.greet: receives the original as a keyed service and wraps its output.</summary>
internal sealed class LoudGreetingModule : ICrmModule
{
    public const string PluginId = "test.loud-greeting";

    public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"))
    {
        Dependencies = [new PluginDependency(GreetingModule.PluginId, VersionRange.Parse("[1.0.0, 2.0.0)"))],
        Provides = [GreetingModule.Action],
        Decorates = [GreetingModule.Action],
    };

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder) => builder.AddWorkflowAction<LoudGreetAction>();

    private sealed class LoudGreetAction([FromKeyedServices(GreetingModule.Action)] IWorkflowAction inner) : IWorkflowAction
    {
        public WorkflowActionDescriptor Descriptor => inner.Descriptor;

        public async ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken)
        {
            var result = await inner.ExecuteAsync(context, cancellationToken);
            return WorkflowActionResult.Success(new JsonObject { ["text"] = result.Output!["text"]!.GetValue<string>().ToUpperInvariant() + "!" });
        }
    }
}
