using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Settings;
using CrmKit.Sdk.Workflows;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Runtime;

/// <summary>A plugin with settings (one a write-only secret) and a workflow action that reads them.</summary>
internal sealed class SettingsModule : ICrmModule
{
    public const string PluginId = "test.settings";

    public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"));

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder)
    {
        builder.AddSettings(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["greeting"] = new JsonObject { ["type"] = "string", ["default"] = "Hello", ["maxLength"] = 20 },
                ["token"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
            },
        });
        builder.AddWorkflowAction<ReadSettingsAction>();
    }

    private sealed class ReadSettingsAction(IModuleSettings settings) : IWorkflowAction
    {
        public WorkflowActionDescriptor Descriptor { get; } = new("test.settings.read", LocalizedText.Of("Read settings"));

        public ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(WorkflowActionResult.Success(settings.GetCurrent()));
    }
}
