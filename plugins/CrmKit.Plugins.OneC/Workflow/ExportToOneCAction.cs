using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Export;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Settings;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Plugins.OneC.Workflow;

/// <summary>
/// The workflow action "export to 1C" (<c>crmkit.onec.export</c>): writes the run's deal as a CommerceML 2.10 file into
/// the folder of the setting <c>exportDirectory</c> (for 1C's "загрузка из файла", or a folder 1C watches), as
/// <c>&lt;deal id&gt;.xml</c>, atomically (a temporary file renamed into place), acting as the run's identity.
/// </summary>
public sealed class ExportToOneCAction(IRecordService records, IModuleSettings settings, TimeProvider time) : IWorkflowAction
{
    /// <summary>The action type.</summary>
    public const string Type = "crmkit.onec.export";

    /// <inheritdoc />
    public WorkflowActionDescriptor Descriptor { get; } = new(
        Type,
        LocalizedText.Of("Export to 1C", "Выгрузить в 1С"),
        new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() });

    /// <inheritdoc />
    public async ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Record is not { Entity: OneCEntities.Deal } deal)
        {
            return WorkflowActionResult.Failure("'Export to 1C' works on a deal: start the workflow from a deal.", retryable: false);
        }

        var current = OneCSettings.Read(settings);
        if (current.ExportDirectory is not { } directory)
        {
            return WorkflowActionResult.Failure("Set the plugin setting exportDirectory: the folder the CommerceML files go to.", retryable: false);
        }

        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, deal.Id.ToString("D") + ".xml");
        var temporary = target + "." + context.IdempotencyKey.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        AccountingExportResult result;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var exporter = new CommerceMlExporter(records, settings, time);
            result = await exporter.ExportAsync(new AccountingExportContext
            {
                Principal = context.Principal,
                Entity = OneCEntities.Deal,
                Records = One(deal, cancellationToken),
                Settings = [],
                Services = context.Services,
            }, file, cancellationToken);
        }

        if (result.ExportedCount == 0)
        {
            File.Delete(temporary);
            var reason = result.Skipped.Values.FirstOrDefault() ?? "The deal was not exported.";
            return WorkflowActionResult.Failure(reason, retryable: false);
        }

        File.Move(temporary, target, overwrite: true);
        return WorkflowActionResult.Success(new JsonObject { ["file"] = target, ["documents"] = result.ExportedCount });
    }

    private static async IAsyncEnumerable<CrmRecord> One(CrmRecord record, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        cancellationToken.ThrowIfCancellationRequested();
        yield return record;
    }
}
