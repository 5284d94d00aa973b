using CrmKit.Plugins.OneC.Exchange;
using CrmKit.Plugins.OneC.Export;
using CrmKit.Plugins.OneC.Import;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Plugins.OneC.Workflow;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.OneC;

/// <summary>
/// The 1C exchange plugin (docs/integrations/1c.md): products and deal lines with exact totals, the CommerceML 2.10
/// exporter, the "обмен с сайтом" HTTP endpoint, lenient import of 1C and Bitrix files, and the workflow action
/// "export to 1C".
/// </summary>
public sealed class OneCModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "crmkit.onec";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        CatalogModel.Configure(builder.Entities);
        builder.AddSettings(OneCSettings.Schema());
        builder.Services.AddSingleton<PendingImports>();
        builder
            .AddRecordHook<LineTotalsHook>()
            .AddRecordHook<DealTotalsHook>()
            .AddRecordMessage<ApplyImportMessage>()
            .AddAccountingExporter<CommerceMlExporter>()
            .AddHttpEndpoint<ExchangeEndpoint>()
            .AddWorkflowAction<ExportToOneCAction>();
    }
}
