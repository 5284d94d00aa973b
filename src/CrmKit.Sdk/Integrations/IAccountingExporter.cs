namespace CrmKit.Sdk.Integrations;

/// <summary>
/// Writes records in a format an accounting system imports, for example CommerceML 2.10 for 1C. The CLI, the REST
/// API and workflow actions choose an exporter by <see cref="AccountingExporterDescriptor.Format"/>. Register it with
/// <see cref="Extensibility.CrmBuilderExtensions.AddAccountingExporter{TExporter}"/>.
/// </summary>
public interface IAccountingExporter
{
    /// <summary>What the exporter writes.</summary>
    AccountingExporterDescriptor Descriptor { get; }

    /// <summary>
    /// Writes the records to a stream. Stream: memory must not grow with the number of records; write as records
    /// arrive and never seek (the output may be an HTTP response).
    /// </summary>
    /// <param name="context">The records, the settings and the acting principal.</param>
    /// <param name="output">Where to write; the caller owns and disposes it.</param>
    /// <param name="cancellationToken">Cancels the export; the output is then incomplete and must be discarded.</param>
    /// <returns>How many records went out, and notes about the rest.</returns>
    Task<AccountingExportResult> ExportAsync(
        AccountingExportContext context, Stream output, CancellationToken cancellationToken);
}
