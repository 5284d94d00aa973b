using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Settings;
using System.Text.Json.Nodes;

namespace CrmKit.Plugins.OneC.Export;

/// <summary>
/// The accounting exporter <c>commerceml-2.10</c>: deals as CommerceML documents "Заказ товара" (and "Счет на оплату"
/// for deals with an invoice number), their company or contact as the buyer (Контрагент), their lines as Товары with
/// VAT per line and per document. Used by <c>GET /api/integrations/accounting/commerceml-2.10/export</c>,
/// <c>crmkit 1c export</c>, the workflow action and the exchange's <c>mode=query</c>.
/// </summary>
public sealed class CommerceMlExporter(IRecordService records, IModuleSettings settings, TimeProvider time) : IAccountingExporter
{
    /// <summary>The format id.</summary>
    public const string Format = "commerceml-2.10";

    /// <inheritdoc />
    public AccountingExporterDescriptor Descriptor { get; } = new(
        Format,
        LocalizedText.Of("1C: CommerceML 2.10 orders", "1С: заказы в CommerceML 2.10"),
        "application/xml",
        ".xml",
        new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["version"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("2.10", "2.08") } },
        })
    {
        Entities = [OneCEntities.Deal],
    };

    /// <inheritdoc />
    public async Task<AccountingExportResult> ExportAsync(AccountingExportContext context, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var requested = Values.Text(context.Settings, "version");
        var version = requested is "2.08" or "2.10" ? requested : OneCSettings.Read(settings).SchemaVersion;
        var source = new OrderSource(records, context.Principal);
        await using var writer = new CommerceMlWriter(output, version, time.GetLocalNow());
        long deals = 0;
        await foreach (var document in source.ReadAsync(context.Records, cancellationToken))
        {
            await writer.WriteAsync(document, cancellationToken);
            if (document.Operation == "Заказ товара")
            {
                deals++;
                context.Progress?.Report(deals);
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return new AccountingExportResult { ExportedCount = deals, Skipped = source.Skipped };
    }
}
