using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

public abstract partial class CrmStoreConformanceTests
{
    private static StoredSchema Schema(string entity, long version) => new()
    {
        Entity = entity,
        Version = version,
        Schema = $$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"{{entity}} v{{version}}","x-n":1.10}""",
        ChangedAt = ConformanceRecords.BaseTime.AddHours(version),
        ChangedBy = "admin " + version,
        Diff = $$"""[{"op":"add","field":"f{{version}}"}]""",
    };

    private static void ShouldEqual(StoredSchema actual, StoredSchema expected)
    {
        actual.Entity.ShouldBe(expected.Entity);
        actual.Version.ShouldBe(expected.Version);
        actual.Schema.ShouldBe(expected.Schema);
        actual.ChangedAt.UtcTicks.ShouldBe(expected.ChangedAt.UtcTicks);
        actual.ChangedBy.ShouldBe(expected.ChangedBy);
        actual.Diff.ShouldBe(expected.Diff);
    }

    [SkippableFact]
    public async Task SchemaVersions_ShouldFollowEverySave_PerEntity_AndBeNullForAnUnknownEntity()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        (await ReadAsync(store, s => s.GetSchemaVersionsAsync(Ct))).ShouldBeEmpty();

        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", 1), Ct));
        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", 2), Ct));
        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("deal", 1), Ct));
        await using (var rolledBack = await store.BeginAsync(write: true, Ct))
        {
            await rolledBack.SaveSchemaAsync(Schema("deal", 2), Ct);
            (await rolledBack.GetSchemaVersionAsync("deal", Ct)).ShouldBe(2, "the session sees its own change");
        }

        var versions = await ReadAsync(store, s => s.GetSchemaVersionsAsync(Ct));
        versions.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value)).ShouldBe([("contact", 2L), ("deal", 1L)]);
        (await ReadAsync(store, s => s.GetSchemaVersionAsync("contact", Ct))).ShouldBe(2);
        (await ReadAsync(store, s => s.GetSchemaVersionAsync("deal", Ct))).ShouldBe(1);
        (await ReadAsync(store, s => s.GetSchemaVersionAsync("lead", Ct))).ShouldBeNull();
    }

    [SkippableFact]
    public async Task Initialize_ShouldBeIdempotent()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", 1), Ct));
        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);

        var schemas = await ReadAsync(store, s => s.LoadSchemasAsync(Ct));
        schemas.Count.ShouldBe(1);
    }

    [SkippableFact]
    public async Task LoadSchemas_ShouldReturnNothing_WhenStoreIsNew()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        (await ReadAsync(store, s => s.LoadSchemasAsync(Ct))).ShouldBeEmpty();
        (await ReadAsync(store, s => s.GetSchemaHistoryAsync("contact", Ct))).ShouldBeEmpty();
        (await ReadAsync(store, s => s.GetArchivesAsync("contact", Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task SaveSchema_ShouldMakeTheNewVersionCurrent()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, async s =>
        {
            await s.SaveSchemaAsync(Schema("contact", 1), Ct);
            await s.SaveSchemaAsync(Schema("deal", 1), Ct);
        });
        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", 2), Ct));

        var schemas = await ReadAsync(store, s => s.LoadSchemasAsync(Ct));

        schemas.Count.ShouldBe(2);
        ShouldEqual(schemas.Single(x => x.Entity == "contact"), Schema("contact", 2));
        ShouldEqual(schemas.Single(x => x.Entity == "deal"), Schema("deal", 1));
    }

    [SkippableFact]
    public async Task GetSchemaHistory_ShouldListEveryVersionOldestFirst()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        for (var v = 1; v <= 3; v++)
        {
            var version = v;
            await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", version), Ct));
        }

        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("deal", 1), Ct));

        var history = await ReadAsync(store, s => s.GetSchemaHistoryAsync("contact", Ct));

        history.Select(h => h.Version).ShouldBe([1L, 2L, 3L]);
        for (var i = 0; i < 3; i++)
        {
            ShouldEqual(history[i], Schema("contact", i + 1));
        }
    }

    [SkippableTheory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task SaveSchema_ShouldThrowMetadataConcurrency_WhenVersionDoesNotFollow(long version)
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, async s =>
        {
            await s.SaveSchemaAsync(Schema("contact", 1), Ct);
            await s.SaveSchemaAsync(Schema("contact", 2), Ct);
        });

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            var error = await Should.ThrowAsync<MetadataConcurrencyException>(() => session.SaveSchemaAsync(Schema("contact", version), Ct));
            error.Entity.ShouldBe("contact");
        }

        var current = await ReadAsync(store, s => s.LoadSchemasAsync(Ct));
        current.Single().Version.ShouldBe(2);
        (await ReadAsync(store, s => s.GetSchemaHistoryAsync("contact", Ct))).Count.ShouldBe(2);
    }

    [SkippableFact]
    public async Task SaveSchema_ShouldThrowMetadataConcurrency_WhenNewEntityDoesNotStartAtOne()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            var error = await Should.ThrowAsync<MetadataConcurrencyException>(() => session.SaveSchemaAsync(Schema("contact", 2), Ct));
            error.Version.ShouldBe(2);
        }

        (await ReadAsync(store, s => s.LoadSchemasAsync(Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task SaveSchema_ShouldThrowMetadataConcurrency_WhenAnotherSessionWonTheRace()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", 1), Ct));

        // Both writers read version 1 and propose version 2; the second one must lose.
        await WriteAsync(store, s => s.SaveSchemaAsync(Schema("contact", 2), Ct));
        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            await Should.ThrowAsync<MetadataConcurrencyException>(() => session.SaveSchemaAsync(Schema("contact", 2), Ct));
        }

        ShouldEqual((await ReadAsync(store, s => s.LoadSchemasAsync(Ct))).Single(), Schema("contact", 2));
    }

    [SkippableFact]
    public async Task Session_ShouldRollBack_WhenDisposedWithoutCommit()
    {
        var store = await CreateReadyStoreAsync();
        await using (var session = await store.BeginAsync(write: true, Ct))
        {
            await session.SaveSchemaAsync(Schema("contact", 1), Ct);
            await session.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"r1"}""")], Ct);
            await session.SaveArchiveAsync(Archive("contact", "phone", 1), Ct);
            await session.EnsureEntityStorageAsync(ConformanceModel.Create("other"), Ct);
        }

        (await ReadAsync(store, s => s.LoadSchemasAsync(Ct))).ShouldBeEmpty();
        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(0);
        (await ReadAsync(store, s => s.GetArchivesAsync("contact", Ct))).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Session_ShouldMakeChangesVisibleToLaterSessions_WhenCommitted()
    {
        var store = await CreateReadyStoreAsync();
        var record = ConformanceRecords.Create(1, """{"code":"r1"}""");
        await WriteAsync(store, s => s.InsertAsync(Model, [record], Ct));

        var read = await ReadAsync(store, s => s.GetAsync(Model, record.Id, Ct));

        ShouldEqual(read, record);
    }
}
