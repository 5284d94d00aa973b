namespace CrmKit.Benchmarks.Bulk;

/// <summary>The EF Core entity mapped onto the CrmKit record table's columns (field values as one JSON string).</summary>
internal sealed class ContactRow
{
    public required string Id { get; set; }

    public long Version { get; set; }

    public required string CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public required string UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public string? OwnerId { get; set; }

    public string? DeletedAt { get; set; }

    public required string Data { get; set; }
}
