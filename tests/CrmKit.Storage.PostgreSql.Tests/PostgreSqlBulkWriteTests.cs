using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>
/// Large batches go by binary COPY (records of entities without unique fields, audit entries): they must store exactly
/// what the row-by-row path stores, in order, inside the session's transaction.
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
}
