namespace CrmKit.Benchmarks.Bulk;

/// <summary>
/// The EF Core entity mapped onto CrmKit's <c>crm_audit</c> table: what an EF Core application keeping the same audit
/// trail (who, when, through what, the values) would add per created row.
/// </summary>
internal sealed class AuditRow
{
    public long Seq { get; set; }

    public required string Entity { get; set; }

    public required string RecordId { get; set; }

    public required string Operation { get; set; }

    public required string At { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public required string Channel { get; set; }

    public long RecordVersion { get; set; }

    public string? NewValues { get; set; }
}
