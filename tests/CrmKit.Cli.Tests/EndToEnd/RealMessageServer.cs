using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real CrmKit REST API on Kestrel over a SQLite file, with one record message registered by the host:
/// <c>deal.win</c> marks a deal won (input <c>{"reason": "..."}</c>, at least 3 characters) and answers with its version.
/// </summary>
public sealed class RealMessageServer : RealServer
{
    public const string Message = "deal.win";

    protected override void Configure(WebApplicationBuilder builder, CrmKitBuilder crm) => crm.AddRecordMessage<WinDeal>();

    private sealed class WinDeal : IRecordMessageHandler
    {
        public RecordMessageDescriptor Descriptor { get; } = new(Message, "deal", LocalizedText.Of("Win"), new JsonObject
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
