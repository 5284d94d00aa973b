using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Tests.Query;

public class CursorValuesTests
{
    private static readonly Guid RecordId = Guid.Parse("0190C2A4-7B7E-7C3A-9F1E-2B3C4D5E6F70");

    private static readonly StoredRecord Record = new()
    {
        Id = RecordId,
        Version = 7,
        CreatedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(3)),
        CreatedBy = "alice",
        UpdatedAt = new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero),
        UpdatedBy = "bob",
        OwnerId = null,
        DeletedAt = null,
        Data = """
            {"name": "Acme", "quantity": 12, "whole": 3.0, "probability": 0.30,
             "amount": {"amount": 12345678901234.56, "currency": "RUB"}, "active": false,
             "close_date": "2026-01-31", "due_at": "2026-01-31T10:00:00.0000000Z",
             "company_id": "0190C2A4-7B7E-7C3A-9F1E-2B3C4D5E6F71", "empty": null, "huge": 123456789012345678901234567890}
            """,
    };

    [Fact]
    public void From_ShouldReadSystemColumns_Typed()
    {
        var values = CursorValues.From(Record, Sort(
            ("id", FieldValueKind.Reference, true), ("version", FieldValueKind.Integer, true),
            ("created_at", FieldValueKind.DateTime, true), ("updated_at", FieldValueKind.DateTime, true),
            ("deleted_at", FieldValueKind.DateTime, true), ("created_by", FieldValueKind.Text, true),
            ("updated_by", FieldValueKind.Text, true), ("owner_id", FieldValueKind.Text, true)));

        values.ShouldBe(new object?[]
        {
            "0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f70", 7L, "2026-01-02T00:04:05.0000000Z", "2026-02-01T00:00:00.0000000Z",
            null, "alice", "bob", null,
        });
    }

    [Fact]
    public void From_ShouldReadDataFields_ByKind_Exactly()
    {
        var values = CursorValues.From(Record, Sort(
            ("name", FieldValueKind.Text, false), ("quantity", FieldValueKind.Integer, false),
            ("whole", FieldValueKind.Integer, false), ("probability", FieldValueKind.Decimal, false),
            ("amount", FieldValueKind.Money, false), ("active", FieldValueKind.Boolean, false),
            ("close_date", FieldValueKind.Date, false), ("due_at", FieldValueKind.DateTime, false),
            ("company_id", FieldValueKind.Reference, false)));

        values.ShouldBe(new object?[]
        {
            "Acme", 12L, 3L, 0.30m, 12345678901234.56m, false, "2026-01-31", "2026-01-31T10:00:00.0000000Z",
            "0190c2a4-7b7e-7c3a-9f1e-2b3c4d5e6f71",
        });
        values[1].ShouldBeOfType<long>();
        values[3].ShouldBeOfType<decimal>();
    }

    [Fact]
    public void From_ShouldGiveNull_ForMissingNullOrMisshapenValues()
    {
        var values = CursorValues.From(Record, Sort(
            ("missing", FieldValueKind.Text, false), ("empty", FieldValueKind.Decimal, false),
            ("name", FieldValueKind.Integer, false), ("quantity", FieldValueKind.Text, false),
            ("huge", FieldValueKind.Decimal, false), ("name", FieldValueKind.Money, false)));

        values.ShouldAllBe(v => v == null);
    }

    [Fact]
    public void From_ShouldProduceValuesTheCodecRoundTrips()
    {
        var codec = new CursorCodec();
        var sort = Sort(("amount", FieldValueKind.Money, false), ("due_at", FieldValueKind.DateTime, false),
            ("id", FieldValueKind.Reference, true));
        var values = CursorValues.From(Record, sort);

        codec.Decode(codec.Encode(sort, values), sort).ShouldBe(values);
    }

    [Fact]
    public void From_ShouldRefuseUnsortableKinds_AsAProgrammingError() =>
        Should.Throw<ArgumentException>(() => CursorValues.From(Record, Sort(("name", FieldValueKind.Json, false))));

    private static SortKey[] Sort(params (string Name, FieldValueKind Kind, bool IsSystem)[] keys) =>
        [.. keys.Select(k => new SortKey(new FieldReference(k.Name, k.Kind, k.IsSystem), false))];
}
