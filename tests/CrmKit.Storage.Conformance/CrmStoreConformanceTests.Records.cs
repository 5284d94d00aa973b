using CrmKit.Core.Query;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

public abstract partial class CrmStoreConformanceTests
{
    /// <summary>Data whose text must survive unchanged: big and fractional decimals, trailing zeros, spacing, escapes.</summary>
    protected const string ExactData =
        """{"amount":{"amount":12345678901234.56,"currency":"RUB"},"x":0.1,"y":1.10,"z":-0.000000000000000001,"big":79228162514264337593543950335, "name":"Ёлка \"q\" \u00e9 'x'","tags":["a","b"],"nested":{"k":[1,2.50,null,true]}}""";

    [SkippableFact]
    public async Task Insert_ShouldStoreEveryColumnExactly()
    {
        var store = await CreateReadyStoreAsync();
        var record = new StoredRecord
        {
            Id = Guid.CreateVersion7(),
            Version = 42,
            CreatedAt = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
            CreatedBy = "user:1",
            UpdatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(3)).AddTicks(1),
            UpdatedBy = "user:2",
            OwnerId = "owner:7",
            Data = ExactData,
        };
        await WriteAsync(store, s => s.InsertAsync(Model, [record], Ct));

        var read = await ReadAsync(store, s => s.GetAsync(Model, record.Id, Ct));

        ShouldEqual(read, record);
        read!.UpdatedAt.ShouldBe(record.UpdatedAt);
        read.UpdatedAt.Offset.ShouldBe(TimeSpan.Zero);
        ShouldEqual((await QueryAsync(store)).Single(), record);
        ShouldEqual((await ScanAllAsync(store, Model)).Single(), record);
    }

    [SkippableFact]
    public async Task Insert_ShouldDoNothing_WhenThereAreNoRecords()
    {
        var store = await CreateReadyStoreAsync();

        await WriteAsync(store, s => s.InsertAsync(Model, [], Ct));

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Insert_ShouldStoreALargeBatch()
    {
        var store = await CreateReadyStoreAsync();
        var records = Enumerable.Range(0, 2500)
            .Select(i => ConformanceRecords.Create(i, ConformanceJson.Object(("code", "n" + i), ("qty", (long)i), ("email", $"u{i}@example.com"))))
            .ToList();

        await WriteAsync(store, s => s.InsertAsync(Model, records, Ct));

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(2500);
        (await ReadAsync(store, s => s.CountAsync(Model, ConformanceFilterCases.Cmp(ConformanceModel.Qty, ComparisonOperator.Ge, 2000L), false, Ct))).ShouldBe(500);
        ShouldEqual(await ReadAsync(store, s => s.GetAsync(Model, records[1234].Id, Ct)), records[1234]);
    }

    [SkippableFact]
    public async Task Insert_ShouldBeUsableManyTimesInOneSession()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, async s =>
        {
            for (var i = 0; i < 50; i++)
            {
                await s.InsertAsync(Model, [ConformanceRecords.Create(i, ConformanceJson.Object(("code", "n" + i)))], Ct);
            }
        });

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(50);
    }

    [SkippableFact]
    public async Task Get_ShouldReturnNull_WhenRecordIsMissing()
    {
        var store = await CreateReadyStoreAsync();

        (await ReadAsync(store, s => s.GetAsync(Model, Guid.CreateVersion7(), Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task Update_ShouldReplaceTheRow_WhenVersionMatches()
    {
        var store = await CreateReadyStoreAsync();
        var record = ConformanceRecords.Create(1, ConformanceJson.Object(("code", "r1"), ("price", 1.5m)));
        await WriteAsync(store, s => s.InsertAsync(Model, [record], Ct));
        var next = new StoredRecord
        {
            Id = record.Id,
            Version = 2,
            CreatedAt = record.CreatedAt,
            CreatedBy = record.CreatedBy,
            UpdatedAt = record.UpdatedAt.AddTicks(1),
            UpdatedBy = "editor",
            OwnerId = "new-owner",
            Data = ExactData,
        };

        (await WriteAsync(store, s => s.UpdateAsync(Model, next, 1, Ct))).ShouldBeTrue();

        ShouldEqual(await ReadAsync(store, s => s.GetAsync(Model, record.Id, Ct)), next);
    }

    [SkippableFact]
    public async Task Update_ShouldReturnFalseAndChangeNothing_WhenVersionDiffers()
    {
        var store = await CreateReadyStoreAsync();
        var record = ConformanceRecords.Create(1, ConformanceJson.Object(("code", "r1")));
        await WriteAsync(store, s => s.InsertAsync(Model, [record], Ct));
        var next = ConformanceRecords.Next(record, """{"code":"changed"}""");
        (await WriteAsync(store, s => s.UpdateAsync(Model, next, 1, Ct))).ShouldBeTrue();

        // A writer that read version 1 is now stale.
        var stale = ConformanceRecords.Next(record, """{"code":"stale"}""");
        (await WriteAsync(store, s => s.UpdateAsync(Model, stale, 1, Ct))).ShouldBeFalse();
        (await WriteAsync(store, s => s.UpdateAsync(Model, stale, 3, Ct))).ShouldBeFalse();

        ShouldEqual(await ReadAsync(store, s => s.GetAsync(Model, record.Id, Ct)), next);
    }

    [SkippableFact]
    public async Task Update_ShouldReturnFalse_WhenRecordIsMissing()
    {
        var store = await CreateReadyStoreAsync();
        var record = ConformanceRecords.Create(1, ConformanceJson.Object(("code", "r1")));

        (await WriteAsync(store, s => s.UpdateAsync(Model, ConformanceRecords.Next(record), 1, Ct))).ShouldBeFalse();

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task SoftDelete_ShouldMoveRecordFromLiveToDeleted()
    {
        var (store, records) = await CreateDatasetStoreAsync();
        var deletedAt = ConformanceRecords.BaseTime.AddDays(3).AddTicks(5);
        foreach (var index in new[] { 1, 4 })
        {
            var deleted = ConformanceRecords.Next(records[index], deletedAt: deletedAt);
            (await WriteAsync(store, s => s.UpdateAsync(Model, deleted, records[index].Version, Ct))).ShouldBeTrue();
        }

        SortedCodes(await QueryAsync(store)).ShouldBe("r1,r3,r4,r6,r7,r8");
        SortedCodes(await QueryAsync(store, deleted: true)).ShouldBe("r2,r5");
        SortedCodes(await QueryAsync(store, ConformanceFilterCases.Cmp(ConformanceModel.Qty, ComparisonOperator.Gt, 5L), deleted: true)).ShouldBe("r2,r5");
        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(6);
        (await ReadAsync(store, s => s.CountAsync(Model, null, true, Ct))).ShouldBe(2);
        (await ReadAsync(store, s => s.CountAsync(Model, ConformanceFilterCases.Cmp(ConformanceModel.Qty, ComparisonOperator.Gt, 5L), false, Ct))).ShouldBe(2);
        var read = await ReadAsync(store, s => s.GetAsync(Model, records[1].Id, Ct));
        read.ShouldNotBeNull().DeletedAt.ShouldBe(deletedAt);
        SortedCodes(await QueryAsync(store, ConformanceFilterCases.Cmp(ConformanceModel.DeletedAt, ComparisonOperator.Eq, CanonicalInstant.ToText(deletedAt)), deleted: true))
            .ShouldBe("r2,r5");
    }

    [SkippableFact]
    public async Task Count_ShouldCountMatchingLiveRecords()
    {
        var (store, _) = await CreateDatasetStoreAsync();

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(8);
        (await ReadAsync(store, s => s.CountAsync(Model, null, true, Ct))).ShouldBe(0);
        (await ReadAsync(store, s => s.CountAsync(Model, ConformanceFilterCases.All["not_or"].Filter, false, Ct))).ShouldBe(4);
        (await ReadAsync(store, s => s.CountAsync(Model, ConformanceFilterCases.All["has"].Filter, false, Ct))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Scan_ShouldReturnEveryRecordInIdOrder_IncludingDeleted()
    {
        var store = await CreateReadyStoreAsync();
        var records = Enumerable.Range(0, 300).Select(i => ConformanceRecords.Create(i, ConformanceJson.Object(("code", "n" + i)))).ToList();
        var shuffled = records.OrderBy(r => r.Data.GetHashCode(StringComparison.Ordinal)).ToList();
        await WriteAsync(store, s => s.InsertAsync(Model, shuffled, Ct));
        var deleted = ConformanceRecords.Next(records[10], deletedAt: ConformanceRecords.BaseTime);
        await WriteAsync(store, s => s.UpdateAsync(Model, deleted, 1, Ct));

        var scanned = await ScanAllAsync(store, Model);

        scanned.Select(r => r.Id).ShouldBe(records.Select(r => r.Id));
        ShouldEqual(scanned[10], deleted);
        ShouldEqual(scanned[299], records[299]);
    }

    [SkippableFact]
    public async Task FindExisting_ShouldReturnLiveIdsOnly()
    {
        var store = await CreateReadyStoreAsync();
        var records = Enumerable.Range(0, 700).Select(i => ConformanceRecords.Create(i, ConformanceJson.Object(("code", "n" + i)))).ToList();
        await WriteAsync(store, s => s.InsertAsync(Model, records, Ct));
        await WriteAsync(store, s => s.UpdateAsync(Model, ConformanceRecords.Next(records[3], deletedAt: ConformanceRecords.BaseTime), 1, Ct));
        var missing = Enumerable.Range(0, 600).Select(_ => Guid.CreateVersion7()).ToList();
        var asked = records.Select(r => r.Id).Concat(missing).Append(records[5].Id).ToList();

        var found = await ReadAsync(store, s => s.FindExistingAsync(Model, asked, Ct));

        found.Count.ShouldBe(699);
        found.ShouldNotContain(records[3].Id);
        found.ShouldContain(records[699].Id);
        found.Overlaps(missing).ShouldBeFalse();
        (await ReadAsync(store, s => s.FindExistingAsync(Model, [], Ct))).ShouldBeEmpty();
    }

    /// <summary>Collects <see cref="ICrmStoreSession.ScanAsync"/> in a read session.</summary>
    /// <param name="store">The store.</param>
    /// <param name="model">The entity.</param>
    /// <returns>The records.</returns>
    protected static Task<List<StoredRecord>> ScanAllAsync(ICrmStore store, EntityStorageModel model) =>
        ReadAsync(store, async s =>
        {
            var list = new List<StoredRecord>();
            await foreach (var record in s.ScanAsync(model, Ct))
            {
                list.Add(record);
            }

            return list;
        });
}
