namespace CrmKit.Core;

/// <summary>Options of CrmKit Core, bound from the <c>CrmKit</c> configuration section by hosts.</summary>
public sealed class CrmKitOptions
{
    /// <summary>The most records one create call may carry (default 1,000).</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>How deeply record operations may nest through hooks before the pipeline refuses (default 8).</summary>
    public int MaxPipelineDepth { get; set; } = 8;

    /// <summary>How many record ids a refused metadata change reports (default 20).</summary>
    public int ViolationSampleSize { get; set; } = 20;

    /// <summary>
    /// The key (base64, at least 32 bytes) that signs paging cursors. When empty a random key is made at start-up,
    /// so cursors do not survive a restart; set it when several nodes serve one database.
    /// </summary>
    public string? CursorKey { get; set; }

    /// <summary>The region phone numbers without a country code belong to (ISO 3166 alpha-2, default RU).</summary>
    public string DefaultPhoneRegion { get; set; } = "RU";

    /// <summary>
    /// How often the store is polled for entity schema versions committed by other nodes sharing the database (default
    /// 2 seconds; zero turns polling off). A write is refused with <c>metadata.stale</c> rather than validated against an
    /// older version either way; polling makes that rare.
    /// </summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the standard CRM model (company, contact, lead, deal, activity, note) is registered.</summary>
    public bool IncludeStandardModel { get; set; } = true;

    /// <summary>
    /// The message channel instances by id (<c>CrmKit:Channels:{id}</c>): each names its channel type, the service
    /// account its messages are stored as, and its settings. The id is the webhook address segment
    /// (<c>/api/channels/{id}/webhook</c>).
    /// </summary>
    public Dictionary<string, Messaging.ChannelInstanceOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}
