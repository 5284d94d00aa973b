using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>
/// The record message <c>crmkit.onec.apply-import</c> on an exchange log record: writes a parsed package. A message
/// runs in one write transaction together with every write its handler makes, so an import is all or nothing — a
/// failure on the thousandth record rolls back the first 999 and the log record's change.
/// </summary>
public sealed class ApplyImportMessage : IRecordMessageHandler
{
    /// <summary>The message name.</summary>
    public const string Name = "crmkit.onec.apply-import";

    private readonly PendingImports _pending;

    /// <summary>Creates the handler.</summary>
    /// <param name="services">The plugin's services.</param>
    public ApplyImportMessage(IServiceProvider services)
    {
        _pending = services.GetRequiredService<PendingImports>();
    }

    /// <inheritdoc />
    public RecordMessageDescriptor Descriptor { get; } = new(
        Name,
        OneCEntities.Exchange,
        LocalizedText.Of("Apply a 1C file", "Загрузить файл 1С"),
        new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["token"] = new JsonObject { ["type"] = "string", ["minLength"] = 32, ["maxLength"] = 32 },
                ["requisites"] = new JsonObject { ["type"] = "boolean" },
            },
            ["required"] = new JsonArray("token"),
        });

    /// <inheritdoc />
    public async ValueTask<JsonObject?> ExecuteAsync(RecordMessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var package = _pending.Take(context.Input["token"]!.GetValue<string>())
            ?? throw ImportApplier.Failed("The import was already applied or has expired.");
        var records = context.Services.GetRequiredService<IRecordService>();
        var applier = new ImportApplier(records, context.Principal, Values.Boolean(context.Input, "requisites") ?? false);
        await applier.ApplyAsync(package, cancellationToken);
        var result = applier.Result;
        var log = new JsonObject
        {
            ["status"] = "imported",
            ["documents"] = result.DealsCreated + result.DealsUpdated,
            ["counterparties"] = result.Companies + result.Contacts,
            ["products"] = result.ProductsCreated + result.ProductsUpdated,
        };
        if (result.RequisitesRefused > 0)
        {
            log["message"] = $"{result.RequisitesRefused} counterparty(ies) saved without the ИНН/КПП of the file: the requisites checks refused them.";
        }

        await records.UpdateAsync(context.Principal, OneCEntities.Exchange, context.RecordId, log, null, cancellationToken);
        return result.ToJson();
    }
}
