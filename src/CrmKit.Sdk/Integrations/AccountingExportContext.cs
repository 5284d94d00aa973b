using System.Text.Json.Nodes;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Integrations;

/// <summary>
/// What an accounting export works on. New members may be added; exporters take this one argument so they keep working.
/// </summary>
public sealed class AccountingExportContext
{
    /// <summary>Who is acting; read related records (companies, lines, products) through the records service as them.</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary>The entity of the records to export.</summary>
    public required string Entity { get; init; }

    /// <summary>
    /// The records to export, in order, streamed from the store page by page (the host applies the caller's filter,
    /// such as "changed since" or one deal). Enumerate it once.
    /// </summary>
    public required IAsyncEnumerable<CrmRecord> Records { get; init; }

    /// <summary>
    /// The export settings, validated against <see cref="AccountingExporterDescriptor.GetSettingsSchema"/> (for example
    /// the document kind, the schema version, the encoding).
    /// </summary>
    public required JsonObject Settings { get; init; }

    /// <summary>Services of the scope the export runs in.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>Receives the number of records written so far, for progress display; null when nobody listens.</summary>
    public IProgress<long>? Progress { get; init; }
}
