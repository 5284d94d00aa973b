using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>
/// Eight records (codes r1..r8, ids and creation times in that order) with values, gaps and explicit nulls chosen
/// so that every filter operator has matches, non-matches and records without a value.
/// </summary>
/// <remarks>
/// <code>
/// code name                      email              qty  price               active born        seen_at                        budget        tags       company owner  version
/// r1   Alice                     alice@example.com   10  10.5                true   1990-01-15  2024-03-01T10:00:00.0000000Z   100.25 RUB    [vip,new]  G1      u1     1
/// r2   Bob                       bob@example.com     20  0.1                 false  1985-06-30  2024-03-02T10:00:00.0000000Z   1000 USD      [new]      G2      u1     1
/// r3   Carol 100%                -                   -5  12345678901234.56   true   2000-02-29  2023-12-31T23:59:59.9999999Z   0.01 RUB      []         G1      u2     1
/// r4   dave_x                    dave@example.com     0  0.3                 false  -           null                           -50 EUR       [vip]      null    -      1
/// r5   '; DROP TABLE e_item; --  -                    7  -                   -      -           -                              -             -          -       -      1
/// r6   null                      -                    -  2.5                 -      -           -                              -             -          -       -      1
/// r7   alice                     -                    3  0.30                false  -           -                              -             -          -       -      1
/// r8   Eve_%                     eve@example.com    100  99.99               true   1990-01-15  2024-03-01T10:00:00.0000001Z   100.25 USD    [b2b]      G2      -      3
/// </code>
/// r2 was created by "importer"; all others by "tester".
/// </remarks>
public static class ConformanceDataset
{
    /// <summary>A company id.</summary>
    public static Guid CompanyG1 { get; } = Guid.Parse("0190a000-0000-7000-8000-000000000001");

    /// <summary>Another company id.</summary>
    public static Guid CompanyG2 { get; } = Guid.Parse("0190a000-0000-7000-8000-000000000002");

    /// <summary>The name of r5, which looks like SQL.</summary>
    public const string SqlLookingName = "'; DROP TABLE e_item; --";

    /// <summary>Builds the eight records.</summary>
    /// <returns>r1..r8.</returns>
    public static IReadOnlyList<StoredRecord> Create()
    {
        var g1 = CompanyG1;
        var g2 = CompanyG2;
        var records = new List<StoredRecord>
        {
            With(ConformanceRecords.Create(1, ConformanceJson.Object(
                ("code", "r1"), ("name", "Alice"), ("email", "alice@example.com"), ("qty", 10L), ("price", 10.5m), ("active", true),
                ("born", "1990-01-15"), ("seen_at", "2024-03-01T10:00:00.0000000Z"), ("budget", new ConformanceMoney(100.25m, "RUB")),
                ("tags", new[] { "vip", "new" }), ("company_id", g1))), owner: "u1"),
            With(ConformanceRecords.Create(2, ConformanceJson.Object(
                ("code", "r2"), ("name", "Bob"), ("email", "bob@example.com"), ("qty", 20L), ("price", 0.1m), ("active", false),
                ("born", "1985-06-30"), ("seen_at", "2024-03-02T10:00:00.0000000Z"), ("budget", new ConformanceMoney(1000m, "USD")),
                ("tags", new[] { "new" }), ("company_id", g2))), owner: "u1", createdBy: "importer"),
            With(ConformanceRecords.Create(3, ConformanceJson.Object(
                ("code", "r3"), ("name", "Carol 100%"), ("qty", -5L), ("price", 12345678901234.56m), ("active", true),
                ("born", "2000-02-29"), ("seen_at", "2023-12-31T23:59:59.9999999Z"), ("budget", new ConformanceMoney(0.01m, "RUB")),
                ("tags", Array.Empty<string>()), ("company_id", g1))), owner: "u2"),
            ConformanceRecords.Create(4, ConformanceJson.Object(
                ("code", "r4"), ("name", "dave_x"), ("email", "dave@example.com"), ("qty", 0L), ("price", 0.3m), ("active", false),
                ("seen_at", null), ("budget", new ConformanceMoney(-50m, "EUR")), ("tags", new[] { "vip" }), ("company_id", null))),
            ConformanceRecords.Create(5, ConformanceJson.Object(("code", "r5"), ("name", SqlLookingName), ("qty", 7L))),
            ConformanceRecords.Create(6, ConformanceJson.Object(("code", "r6"), ("name", null), ("price", 2.5m))),
            ConformanceRecords.Create(7, ConformanceJson.Object(("code", "r7"), ("name", "alice"), ("qty", 3L), ("price", 0.30m), ("active", false))),
            With(ConformanceRecords.Create(8, ConformanceJson.Object(
                ("code", "r8"), ("name", "Eve_%"), ("email", "eve@example.com"), ("qty", 100L), ("price", 99.99m), ("active", true),
                ("born", "1990-01-15"), ("seen_at", "2024-03-01T10:00:00.0000001Z"), ("budget", new ConformanceMoney(100.25m, "USD")),
                ("tags", new[] { "b2b" }), ("company_id", g2))), version: 3),
        };
        return records;
    }

    private static StoredRecord With(StoredRecord record, string? owner = null, string? createdBy = null, long? version = null) => new()
    {
        Id = record.Id,
        Version = version ?? record.Version,
        CreatedAt = record.CreatedAt,
        CreatedBy = createdBy ?? record.CreatedBy,
        UpdatedAt = record.UpdatedAt,
        UpdatedBy = record.UpdatedBy,
        OwnerId = owner,
        DeletedAt = record.DeletedAt,
        Data = record.Data,
    };
}
