using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>
/// Large batches go by binary COPY (records, audit entries): they must store exactly what the row-by-row path stores, in
/// order, inside the session's transaction; with unique fields a clash rolls back only the batch and names the field.
/// </summary>
public sealed class PostgreSqlBulkWriteTests : PostgreSqlStoreFixture
{
    private static readonly EntityStorageModel Plain = ConformanceModel.Create("plain_item", emailUnique: false);

    [SkippableFact]
    public async Task BatchWithoutUniqueFields_ShouldStoreEveryColumnExactly_AndRollBackWithTheSession()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Plain, Ct));
        var records = Enumerable.Range(1, 100).Select(i =>
        {
            var record = ConformanceRecords.Create(i, $$"""{"code":"c{{i}}","note":"Привет \"{{i}}\"","qty":{{i}}.50}""");
            return i % 10 == 0
                ? new StoredRecord
                {
                    Id = record.Id, Version = 3, CreatedAt = record.CreatedAt, CreatedBy = record.CreatedBy,
                    UpdatedAt = record.UpdatedAt.AddTicks(1234567), UpdatedBy = "editor", OwnerId = "anna",
                    DeletedAt = record.UpdatedAt.AddDays(1).AddTicks(7), Data = record.Data,
                }
                : record;
        }).ToList();

        await using (var rolledBack = await store.BeginSessionAsync(write: true, Ct))
        {
            await rolledBack.InsertAsync(Plain, records, Ct);
        }

        await WriteAsync(store, s => s.InsertAsync(Plain, records, Ct));

        foreach (var expected in records)
        {
            var actual = (await ReadAsync(store, s => s.GetAsync(Plain, expected.Id, Ct)))!;
            (actual.Version, actual.CreatedBy, actual.UpdatedBy, actual.OwnerId, actual.Data)
                .ShouldBe((expected.Version, expected.CreatedBy, expected.UpdatedBy, expected.OwnerId, expected.Data));
            actual.CreatedAt.UtcTicks.ShouldBe(expected.CreatedAt.UtcTicks);
            actual.UpdatedAt.UtcTicks.ShouldBe(expected.UpdatedAt.UtcTicks);
            actual.DeletedAt?.UtcTicks.ShouldBe(expected.DeletedAt!.Value.UtcTicks);
            (actual.DeletedAt is null).ShouldBe(expected.DeletedAt is null);
        }

        (await ReadAsync(store, s => s.CountAsync(Plain, null, false, Ct))).ShouldBe(90, "one copy: the rolled-back batch left nothing");
    }

    [SkippableFact]
    public async Task BatchWithAUniqueClash_ShouldStoreNothingOfIt_NameTheField_AndLeaveTheSessionUsable()
    {
        var store = await CreateReadyStoreAsync();
        var taken = ConformanceRecords.Create(1, """{"code":"c1","email":"taken@example.com"}""");
        await WriteAsync(store, s => s.InsertAsync(Model, [taken], Ct));
        var batch = Enumerable.Range(2, 100)
            .Select(i => ConformanceRecords.Create(i, $$"""{"code":"c{{i}}","email":"{{(i == 77 ? "taken" : "u" + i)}}@example.com"}"""))
            .ToList();
        var clean = Enumerable.Range(200, 50)
            .Select(i => ConformanceRecords.Create(i, $$"""{"code":"c{{i}}","email":"u{{i}}@example.com"}"""))
            .ToList();

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            var error = await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, batch, Ct));
            error.Field.ShouldBe("email");

            // The session goes on: a clean batch after the refused one commits, and nothing of the refused one does.
            await session.InsertAsync(Model, clean, Ct);
            await session.CommitAsync(Ct);
        }

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(51);
        (await ReadAsync(store, s => s.GetAsync(Model, batch[0].Id, Ct))).ShouldBeNull();
        (await ReadAsync(store, s => s.GetAsync(Model, clean[^1].Id, Ct)))!.Data.ShouldBe(clean[^1].Data);
    }

    [SkippableFact]
    public async Task BatchWithUniqueFields_ShouldClashWithinItself_Too()
    {
        var store = await CreateReadyStoreAsync();
        var batch = Enumerable.Range(1, 40)
            .Select(i => ConformanceRecords.Create(i, $$"""{"code":"c{{i}}","email":"{{(i is 5 or 35 ? "twice" : "u" + i)}}@example.com"}"""))
            .ToList();

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            (await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, batch, Ct))).Field.ShouldBe("email");
            await session.CommitAsync(Ct);
        }

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(0);
    }
}
