using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;
using NuGet.Versioning;

namespace CrmKit.AspNetCore.Tests.Messages;

/// <summary>A module with one record message, <c>test.deal.win</c>: marks a deal won and answers with its new version.</summary>
public sealed class DealMessageModule : ICrmModule
{
    public const string ModuleId = "test.deal-messages";
    public const string Message = "test.deal.win";

    public static PluginManifest Manifest { get; } =
        new(ModuleId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)")) { Provides = ["record-message:" + Message] };

    public string Id => ModuleId;

    public void Configure(ICrmBuilder builder) => builder.AddRecordMessage<WinDeal>();

    private sealed class WinDeal : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new(Message, "deal", LocalizedText.Of("Win", "Выиграть"), new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "string", ["minLength"] = 3 } },
            ["required"] = new JsonArray("reason"),
        });

        public async ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken)
        {
            var won = await context.Services.GetRequiredService<IRecordService>().UpdateAsync(
                context.Principal, context.Entity.Name, context.RecordId, new JsonObject { ["stage"] = "won" }, null, cancellationToken);
            return new JsonObject { ["stage"] = "won", ["version"] = won.Version };
        }
    }
}
