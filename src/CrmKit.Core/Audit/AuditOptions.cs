namespace CrmKit.Core.Audit;

/// <summary>Options of the audit trail, bound by hosts from the <c>CrmKit:Audit</c> configuration section.</summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section hosts bind these options from.</summary>
    public const string SectionName = "CrmKit:Audit";

    /// <summary>Whether record changes are recorded (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many days entries are kept; 0 (the default) keeps them forever.</summary>
    public int RetentionDays { get; set; }

    /// <summary>How often entries older than the retention are deleted (default every hour).</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many entries one pruning transaction deletes at most (default 10,000).</summary>
    public int PruneBatchSize { get; set; } = 10_000;
}
