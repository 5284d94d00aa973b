using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;

namespace CrmKit.Storage.Conformance;

public abstract partial class CrmStoreConformanceTests
{
    private static StoredRecord WithEmail(int sequence, string? email) =>
        ConformanceRecords.Create(sequence, ConformanceJson.Object(("code", "r" + sequence), ("email", email)));

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldBeIdempotent()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, async s =>
        {
            await s.EnsureEntityStorageAsync(Model, Ct);
            await s.EnsureEntityStorageAsync(Model, Ct);
        });
        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(1, "a@example.com")], Ct));
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Model, Ct));

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(1);
        await using var session = await store.BeginAsync(write: true, Ct);
        await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, [WithEmail(2, "a@example.com")], Ct));
    }

    [SkippableFact]
    public async Task Insert_ShouldThrowUniqueConstraint_WhenLiveRecordHasTheValue()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(1, "a@example.com")], Ct));

        await using var session = await store.BeginAsync(write: true, Ct);
        var error = await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, [WithEmail(2, "a@example.com")], Ct));

        error.Entity.ShouldBe(ConformanceModel.Entity);
        error.Field.ShouldBe("email");
    }

    [SkippableFact]
    public async Task Insert_ShouldThrowUniqueConstraint_WhenBatchRepeatsAValue()
    {
        var store = await CreateReadyStoreAsync();

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            var error = await Should.ThrowAsync<UniqueConstraintException>(
                () => session.InsertAsync(Model, [WithEmail(1, "a@example.com"), WithEmail(2, "b@example.com"), WithEmail(3, "a@example.com")], Ct));
            error.Field.ShouldBe("email");
        }

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Insert_ShouldAllowManyRecordsWithoutAUniqueValue()
    {
        var store = await CreateReadyStoreAsync();

        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(1, null), WithEmail(2, null), ConformanceRecords.Create(3, "{}")], Ct));

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(3);
    }

    [SkippableFact]
    public async Task Update_ShouldThrowUniqueConstraint_WhenItTakesALiveValue()
    {
        var store = await CreateReadyStoreAsync();
        var second = WithEmail(2, "b@example.com");
        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(1, "a@example.com"), second], Ct));

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            var error = await Should.ThrowAsync<UniqueConstraintException>(
                () => session.UpdateAsync(Model, ConformanceRecords.Next(second, """{"code":"r2","email":"a@example.com"}"""), 1, Ct));
            error.Field.ShouldBe("email");
        }

        ShouldEqual(await ReadAsync(store, s => s.GetAsync(Model, second.Id, Ct)), second);
    }

    [SkippableFact]
    public async Task UniqueIndex_ShouldIgnoreSoftDeletedRecords()
    {
        var store = await CreateReadyStoreAsync();
        var first = WithEmail(1, "a@example.com");
        await WriteAsync(store, s => s.InsertAsync(Model, [first], Ct));
        var deleted = ConformanceRecords.Next(first, deletedAt: ConformanceRecords.BaseTime.AddDays(1));
        (await WriteAsync(store, s => s.UpdateAsync(Model, deleted, 1, Ct))).ShouldBeTrue();

        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(2, "a@example.com")], Ct));

        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(1);

        // Restoring the deleted record would give two live records the value.
        await using var session = await store.BeginAsync(write: true, Ct);
        var error = await Should.ThrowAsync<UniqueConstraintException>(() => session.UpdateAsync(Model, ConformanceRecords.Next(deleted), 2, Ct));
        error.Field.ShouldBe("email");
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldDropUniqueIndex_WhenFieldIsNoLongerUnique()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(1, "a@example.com")], Ct));

        await WriteAsync(store, s => s.EnsureEntityStorageAsync(ConformanceModel.Create(emailUnique: false), Ct));
        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(2, "a@example.com")], Ct));

        (await ReadAsync(store, s => s.CountAsync(Model, ConformanceFilterCases.Cmp(ConformanceModel.Email, Core.Query.ComparisonOperator.Eq, "a@example.com"), false, Ct))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldCreateUniqueIndex_WhenFieldBecomesUnique()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(ConformanceModel.Create(emailUnique: false), Ct));
        await WriteAsync(store, s => s.InsertAsync(Model, [WithEmail(1, "a@example.com")], Ct));

        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Model, Ct));

        await using var session = await store.BeginAsync(write: true, Ct);
        (await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, [WithEmail(2, "a@example.com")], Ct))).Field.ShouldBe("email");
    }

    [SkippableFact]
    public async Task EnsureEntityStorage_ShouldThrowUniqueConstraint_WhenLiveRecordsAlreadyShareTheValue()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var loose = ConformanceModel.Create(emailUnique: false);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(loose, Ct));
        await WriteAsync(store, s => s.InsertAsync(loose, [WithEmail(1, "a@example.com"), WithEmail(2, "a@example.com")], Ct));

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            (await Should.ThrowAsync<UniqueConstraintException>(() => session.EnsureEntityStorageAsync(Model, Ct))).Field.ShouldBe("email");
        }

        (await ReadAsync(store, s => s.CountAsync(loose, null, false, Ct))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task UniqueIndex_ShouldApplyToMoneyByAmountAndBeDroppedWithTheField()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var model = new EntityStorageModel("deal", [new StorageField("total", FieldValueKind.Money, true, true)]);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(model, Ct));
        await WriteAsync(store, s => s.InsertAsync(model, [ConformanceRecords.Create(1, """{"total":{"amount":10.5,"currency":"RUB"}}""")], Ct));

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            var error = await Should.ThrowAsync<UniqueConstraintException>(
                () => session.InsertAsync(model, [ConformanceRecords.Create(2, """{"total":{"amount":10.50,"currency":"USD"}}""")], Ct));
            error.Entity.ShouldBe("deal");
            error.Field.ShouldBe("total");
        }

        // The field is removed from the model: its indexes go, the data stays.
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(new EntityStorageModel("deal", []), Ct));
        await WriteAsync(store, s => s.InsertAsync(model, [ConformanceRecords.Create(2, """{"total":{"amount":10.5,"currency":"RUB"}}""")], Ct));
        (await ReadAsync(store, s => s.CountAsync(model, null, false, Ct))).ShouldBe(2);
    }

    [SkippableFact]
    public async Task Entities_ShouldBeStoredSeparately()
    {
        var store = await CreateReadyStoreAsync();
        var other = ConformanceModel.Create("other_item");
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(other, Ct));
        var record = WithEmail(1, "a@example.com");

        // The same id and the same unique value in two entities do not collide.
        await WriteAsync(store, async s =>
        {
            await s.InsertAsync(Model, [record], Ct);
            await s.InsertAsync(other, [record], Ct);
        });

        (await ReadAsync(store, s => s.CountAsync(other, null, false, Ct))).ShouldBe(1);
        await using var session = await store.BeginAsync(write: true, Ct);
        (await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(other, [WithEmail(2, "a@example.com")], Ct))).Entity.ShouldBe("other_item");
    }
}
