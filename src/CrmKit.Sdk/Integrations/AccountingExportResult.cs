namespace CrmKit.Sdk.Integrations;

/// <summary>How an accounting export went.</summary>
public sealed class AccountingExportResult
{
    /// <summary>How many records were written.</summary>
    public required long ExportedCount { get; init; }

    /// <summary>
    /// The records that were not written, each with the reason (for example a deal without lines); empty when all were.
    /// </summary>
    public IReadOnlyDictionary<Guid, string> Skipped { get; init; } = new Dictionary<Guid, string>();
}
