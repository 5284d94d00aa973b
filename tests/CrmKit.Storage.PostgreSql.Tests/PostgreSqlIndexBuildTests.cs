using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;
using CrmKit.Storage.Conformance;
using Npgsql;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>
/// New field indexes on tables that already exist are built after the metadata change, with CREATE INDEX CONCURRENTLY:
/// the change does not wait for writers, writes go on during the build, the progress is visible, and a build a stopped
/// node left behind is finished by another.
/// </summary>
public sealed class PostgreSqlIndexBuildTests : PostgreSqlStoreFixture
{
    private const string Index = "ix_late__name";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly EntityStorageModel Plain = new("late", [new StorageField("name", FieldValueKind.Text, Indexed: false, Unique: false)]);
    private static readonly EntityStorageModel Indexed = new("late", [new StorageField("name", FieldValueKind.Text, Indexed: true, Unique: false)]);

    private static StoredRecord Record(int sequence) => ConformanceRecords.Create(sequence, ConformanceJson.Object(("name", "n" + sequence)));

    /// <summary>A store whose <c>late</c> entity has rows and no index on <c>name</c>.</summary>
    private async Task<PostgreSqlCrmStore> CreateStoreWithRowsAsync()
    {
        // A short lock timeout: a metadata change that waited for the open writer below would fail in two seconds.
        var store = await CreateReadyStoreAsync(o => o.LockTimeout = TimeSpan.FromSeconds(2));
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Plain, Ct));
        await WriteAsync(store, s => s.InsertAsync(Plain, Enumerable.Range(1, 2_000).Select(Record).ToList(), Ct));
        return store;
    }

    /// <summary>A transaction on a connection of its own that holds a writer's lock on the table, as an unfinished write would.</summary>
    private async Task<NpgsqlConnection> OpenWriterAsync()
    {
        var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("BEGIN; LOCK TABLE e_late IN ROW EXCLUSIVE MODE", connection);
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<StoreIndexBuild> WaitForAsync(PostgreSqlCrmStore store, Func<StoreIndexBuild, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var build = (await store.GetIndexBuildsAsync(Ct)).SingleOrDefault(b => b.Index == Index);
            if (build is not null && condition(build))
            {
                return build;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<(bool Exists, bool Valid, string? Comment)> IndexAsync()
    {
        var rows = await Database.ColumnAsync(
            $"SELECT i.indisvalid::text || '|' || coalesce(obj_description(c.oid, 'pg_class'), '') FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '{Index}'");
        if (rows.Count == 0)
        {
            return (false, false, null);
        }

        var parts = rows[0]!.Split('|', 2);
        return (true, parts[0] == "true", parts[1]);
    }

    [SkippableFact]
    public async Task AddingAnIndex_ShouldNotWaitForAnOpenWriter_AndTheBuildShouldLetWritesGoOn_WithItsProgressVisible()
    {
        var store = await CreateStoreWithRowsAsync();
        await using var writer = await OpenWriterAsync();

        // A plain CREATE INDEX would wait for the writer (and fail after the lock timeout); the change commits at once.
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Indexed, Ct)).WaitAsync(Patience);

        // The build waits for the writer too, visibly; meanwhile writes to the table go through.
        var building = await WaitForAsync(store, b => b.State == "building" && b.Phase is not null);
        building.Entity.ShouldBe("late");
        building.Field.ShouldBe("name");
        building.Phase.ShouldStartWith("waiting for writers");
        building.StartedAt.ShouldNotBeNull();
        await WriteAsync(store, s => s.InsertAsync(Indexed, [Record(5_000)], Ct)).WaitAsync(Patience);
        (await IndexAsync()).Valid.ShouldBeFalse();

        await using (var rollback = new NpgsqlCommand("ROLLBACK", writer))
        {
            await rollback.ExecuteNonQueryAsync();
        }

        await store.IndexBuilderIdle;
        var ready = (await store.GetIndexBuildsAsync(Ct)).Single(b => b.Index == Index);
        ready.State.ShouldBe("ready");
        ready.Phase.ShouldBeNull();
        ready.FinishedAt.ShouldNotBeNull();
        var index = await IndexAsync();
        index.Valid.ShouldBeTrue();
        index.Comment.ShouldStartWith("crmkit: CREATE INDEX \"ix_late__name\"");
        (await Database.ScalarAsync("SELECT count(*) FROM e_late")).ShouldBe(2_001L);
    }

    [SkippableFact]
    public async Task ABuildAStoppedNodeLeftBehind_ShouldBeFinishedByAnotherNode()
    {
        var store = await CreateStoreWithRowsAsync();
        await using var writer = await OpenWriterAsync();
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Indexed, Ct));
        await WaitForAsync(store, b => b.State == "building" && b.Phase is not null);

        // The building node dies: its backend goes, leaving an invalid index and a row still marked building.
        await Database.ScalarAsync("SELECT pg_terminate_backend(builder_pid) FROM crm_index_builds WHERE index_name = 'ix_late__name'");
        await store.IndexBuilderIdle;
        (await store.GetIndexBuildsAsync(Ct)).Single(b => b.Index == Index).State.ShouldBe("building");
        (await IndexAsync()).ShouldBe((true, false, string.Empty));
        await writer.CloseAsync();

        var other = Database.CreateStore();
        (await other.BuildPendingIndexesAsync(Ct)).ShouldBe(1);

        (await other.GetIndexBuildsAsync(Ct)).Single(b => b.Index == Index).State.ShouldBe("ready");
        (await IndexAsync()).Valid.ShouldBeTrue();
        (await other.BuildPendingIndexesAsync(Ct)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task AFieldNoLongerIndexedWhileItsIndexIsBuilt_ShouldEndWithoutTheIndex()
    {
        var store = await CreateStoreWithRowsAsync();
        await using var writer = await OpenWriterAsync();
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Indexed, Ct));
        await WaitForAsync(store, b => b.State == "building" && b.Phase is not null);

        // Dropping the building index would wait for the build: the change leaves it to the builder and commits at once.
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Plain, Ct)).WaitAsync(Patience);
        (await store.GetIndexBuildsAsync(Ct)).ShouldNotContain(b => b.Index == Index);
        await writer.CloseAsync();

        await store.IndexBuilderIdle;
        (await IndexAsync()).Exists.ShouldBeFalse();
    }

    [SkippableFact]
    public async Task AnIndexWhoseDefinitionChangesWhileItIsBuilt_ShouldBeRebuiltWithTheNewDefinition()
    {
        var store = await CreateStoreWithRowsAsync();
        await using var writer = await OpenWriterAsync();
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(Indexed, Ct));
        await WaitForAsync(store, b => b.State == "building" && b.Phase is not null);

        var money = new EntityStorageModel("late", [new StorageField("name", FieldValueKind.Money, Indexed: true, Unique: false)]);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(money, Ct)).WaitAsync(Patience);
        await writer.CloseAsync();

        await store.IndexBuilderIdle;
        (await store.GetIndexBuildsAsync(Ct)).Single(b => b.Index == Index).State.ShouldBe("ready");
        var index = await IndexAsync();
        index.Valid.ShouldBeTrue();
        index.Comment!.ShouldContain("'amount'");
    }

    [SkippableFact]
    public async Task UniqueIndexes_AndTheIndexesOfANewTable_ShouldBeBuiltInTheMetadataTransaction()
    {
        var store = await CreateStoreWithRowsAsync();
        var unique = new EntityStorageModel("late", [new StorageField("name", FieldValueKind.Text, Indexed: false, Unique: true)]);

        await WriteAsync(store, s => s.EnsureEntityStorageAsync(unique, Ct));

        (await Database.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE indexname = 'ux_late__name'")).ShouldBe(1L);
        (await Database.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_item__name'")).ShouldBe(1L);
        (await store.GetIndexBuildsAsync(Ct)).ShouldBeEmpty();
    }
}
