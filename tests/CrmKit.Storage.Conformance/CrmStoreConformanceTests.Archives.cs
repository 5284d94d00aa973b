using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

public abstract partial class CrmStoreConformanceTests
{
    private static FieldArchive Archive(string entity, string field, int sequence, DateTimeOffset? restoredAt = null) => new()
    {
        Id = ConformanceRecords.NewId(100 + sequence),
        Entity = entity,
        Field = field,
        SchemaVersion = sequence + 1,
        FieldSchema = """{"type":"string","x-crm-type":"phone","maxLength":20}""",
        Required = sequence % 2 == 0,
        Reason = sequence % 2 == 0 ? "removed" : "forced",
        Values = $$"""{"{{ConformanceRecords.NewId(1):D}}":"+7 999 000-00-0{{sequence}}","{{ConformanceRecords.NewId(2):D}}":12.50}""",
        Count = 2,
        ArchivedAt = ConformanceRecords.BaseTime.AddDays(sequence).AddTicks(sequence),
        ArchivedBy = "admin",
        RestoredAt = restoredAt,
    };

    private static void ShouldEqual(FieldArchive actual, FieldArchive expected)
    {
        actual.Id.ShouldBe(expected.Id);
        actual.Entity.ShouldBe(expected.Entity);
        actual.Field.ShouldBe(expected.Field);
        actual.SchemaVersion.ShouldBe(expected.SchemaVersion);
        actual.FieldSchema.ShouldBe(expected.FieldSchema);
        actual.Required.ShouldBe(expected.Required);
        actual.Reason.ShouldBe(expected.Reason);
        actual.Values.ShouldBe(expected.Values);
        actual.Count.ShouldBe(expected.Count);
        actual.ArchivedAt.UtcTicks.ShouldBe(expected.ArchivedAt.UtcTicks);
        actual.ArchivedBy.ShouldBe(expected.ArchivedBy);
        (actual.RestoredAt?.UtcTicks).ShouldBe(expected.RestoredAt?.UtcTicks);
    }

    [SkippableFact]
    public async Task GetArchives_ShouldListTheEntitysArchivesNewestFirst()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var first = Archive("contact", "phone", 1);
        var second = Archive("contact", "fax", 2);
        var restored = Archive("contact", "skype", 3, ConformanceRecords.BaseTime.AddYears(1));
        var other = Archive("deal", "phone", 4);
        await WriteAsync(store, async s =>
        {
            await s.SaveArchiveAsync(second, Ct);
            await s.SaveArchiveAsync(other, Ct);
            await s.SaveArchiveAsync(first, Ct);
            await s.SaveArchiveAsync(restored, Ct);
        });

        var archives = await ReadAsync(store, s => s.GetArchivesAsync("contact", Ct));

        archives.Select(a => a.Field).ShouldBe(["skype", "fax", "phone"]);
        ShouldEqual(archives[0], restored);
        ShouldEqual(archives[1], second);
        ShouldEqual(archives[2], first);
        ShouldEqual((await ReadAsync(store, s => s.GetArchivesAsync("deal", Ct))).Single(), other);
        (await ReadAsync(store, s => s.GetArchivesAsync("company", Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task MarkArchiveRestored_ShouldSetTheRestoreTimeOfThatArchiveOnly()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var first = Archive("contact", "phone", 1);
        var second = Archive("contact", "fax", 2);
        await WriteAsync(store, async s =>
        {
            await s.SaveArchiveAsync(first, Ct);
            await s.SaveArchiveAsync(second, Ct);
        });
        var restoredAt = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(5)).AddTicks(7);

        await WriteAsync(store, s => s.MarkArchiveRestoredAsync(first.Id, restoredAt, Ct));

        var archives = await ReadAsync(store, s => s.GetArchivesAsync("contact", Ct));
        archives.Single(a => a.Id == first.Id).RestoredAt.ShouldBe(restoredAt);
        archives.Single(a => a.Id == second.Id).RestoredAt.ShouldBeNull();
    }
}
