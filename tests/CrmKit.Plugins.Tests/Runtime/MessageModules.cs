using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Runtime;

/// <summary>A plugin with one record message, <c>test.contact.greet</c>, that answers with the contact's first name.</summary>
internal sealed class GreetMessageModule : ICrmModule
{
    public const string PluginId = "test.greet-message";
    public const string Message = "test.contact.greet";

    public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"))
    {
        Provides = ["record-message:" + Message],
    };

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder) => builder.AddRecordMessage<GreetHandler>();

    private sealed class GreetHandler : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new(Message, "contact", LocalizedText.Of("Greet"));

        public ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<JsonObject?>(new JsonObject { ["text"] = "hello " + context.Record.Values["first_name"] });
    }
}

/// <summary>Another plugin claiming <see cref="GreetMessageModule.Message"/> without declaring a replacement.</summary>
internal sealed class RivalMessageModule : ICrmModule
{
    public const string PluginId = "test.rival-message";

    public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"));

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder) => builder.AddRecordMessage<RivalHandler>();

    private sealed class RivalHandler : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new(GreetMessageModule.Message, "contact", LocalizedText.Of("Rival"));

        public ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult<JsonObject?>(new JsonObject { ["text"] = "rival" });
    }
}
