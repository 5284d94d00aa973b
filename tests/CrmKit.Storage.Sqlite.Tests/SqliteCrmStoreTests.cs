using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite.Tests;

/// <summary>SQLite-specific behaviour beyond the conformance suite: pragmas, locking, DDL and storage format.</summary>
public sealed class SqliteCrmStoreTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EntityStorageModel Model = ConformanceModel.Create();
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<SqliteCrmStore> CreateReadyStoreAsync(TimeSpan? busyTimeout = null)
    {
        var store = _database.CreateStore(busyTimeout);
        await store.InitializeAsync(Ct);
        await using var session = await store.BeginSessionAsync(write: true, Ct);
        await session.EnsureEntityStorageAsync(Model, Ct);
        await session.CommitAsync(Ct);
        return store;
    }

    private string? Scalar(string sql)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Initialize_ShouldCreateSystemTablesAndSwitchToWal()
    {
        await CreateReadyStoreAsync();

        Scalar("PRAGMA journal_mode").ShouldBe("wal");
        Scalar("SELECT value FROM crm_meta WHERE key = 'storage_format'").ShouldBe("1");
        foreach (var table in new[] { "crm_meta", "crm_entities", "crm_schema_versions", "crm_field_archives", "e_item" })
        {
            Scalar($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'").ShouldBe("1", table);
        }
    }

    [Fact]
    public async Task Session_ShouldSetBusyTimeoutAndSynchronousNormal()
    {
        var store = await CreateReadyStoreAsync(TimeSpan.FromSeconds(7));
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        await using (var command = session.CreateCommand("PRAGMA busy_timeout"))
        {
            (await command.ExecuteScalarAsync(Ct)).ShouldBe(7000L);
        }

        await using (var command = session.CreateCommand("PRAGMA synchronous"))
        {
            (await command.ExecuteScalarAsync(Ct)).ShouldBe(1L);
        }

        await using (var command = session.CreateCommand("PRAGMA wal_autocheckpoint"))
        {
            (await command.ExecuteScalarAsync(Ct)).ShouldBe(10_000L);
        }
    }

    [Fact]
    public async Task Initialize_ShouldRefuseANewerStorageFormat()
    {
        var store = await CreateReadyStoreAsync();
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE crm_meta SET value = '99' WHERE key = 'storage_format'";
            command.ExecuteNonQuery();
        }

        await Should.ThrowAsync<NotSupportedException>(() => store.InitializeAsync(Ct));
    }

    [Fact]
    public async Task Insert_ShouldStoreLowerCaseIdsAndCanonicalTimestamps()
    {
        var store = await CreateReadyStoreAsync();
        var record = ConformanceRecords.Create(1, """{"code":"r1","price":0.10}""");
        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.InsertAsync(Model, [record], Ct);
            await session.CommitAsync(Ct);
        }

        Scalar("SELECT id FROM e_item").ShouldBe(record.Id.ToString("D").ToLowerInvariant());
        Scalar("SELECT created_at FROM e_item").ShouldBe("2024-05-06T07:09:09.1234567Z");
        Scalar("SELECT data FROM e_item").ShouldBe("""{"code":"r1","price":0.10}""");
        Scalar("SELECT typeof(id) || typeof(version) || typeof(data) FROM e_item").ShouldBe("textintegertext");
    }

    [Theory]
    [InlineData("name", "ix_item__name")]
    [InlineData("qty", "ix_item__qty")]
    [InlineData("price", "ix_item__price")]
    [InlineData("budget", "ix_item__budget")]
    [InlineData("seen_at", "ix_item__seen_at")]
    [InlineData("company_id", "ix_item__company_id")]
    [InlineData("email", "ux_item__email")]
    public async Task Explain_ShouldUseTheFieldIndex_ForEquality(string field, string index)
    {
        var store = await CreateReadyStoreAsync();
        var reference = ConformanceModel.Create().Fields.Single(f => f.Name == field);
        object value = reference.Kind switch
        {
            Sdk.Fields.FieldValueKind.Integer => 5L,
            Sdk.Fields.FieldValueKind.Decimal or Sdk.Fields.FieldValueKind.Money => 5.25m,
            _ => "x",
        };
        var query = new StoreQuery
        {
            Filter = new ComparisonFilter(new FieldReference(field, reference.Kind, false), ComparisonOperator.Eq, value),
            Sort = [ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        };
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        var plan = await session.ExplainAsync(Model, query, Ct);

        plan.UsesIndex(index).ShouldBeTrue(string.Join(" | ", plan.Steps) + " :: " + plan.Sql);
        plan.Sql.ShouldNotContain("5.25");
        plan.Sql.ShouldNotContain("'x'");
    }

    [Fact]
    public async Task Explain_ShouldSeekTheIndex_ForRangesAndKeysetPages()
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        var range = await session.ExplainAsync(Model, new StoreQuery
        {
            Filter = new ComparisonFilter(ConformanceModel.Budget, ComparisonOperator.Gt, 100m),
            Sort = [ConformanceModel.Asc(ConformanceModel.Budget), ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 10,
        }, Ct);
        var nextPage = await session.ExplainAsync(Model, new StoreQuery
        {
            Sort = [ConformanceModel.Asc(ConformanceModel.Qty), ConformanceModel.Asc(ConformanceModel.Id)],
            After = [5L, ConformanceRecords.NewId(1).ToString("D")],
            Limit = 10,
        }, Ct);

        range.UsesIndex("ix_item__budget").ShouldBeTrue(string.Join(" | ", range.Steps));
        range.Steps.ShouldContain(s => s.StartsWith("SEARCH", StringComparison.Ordinal));
        nextPage.UsesIndex("ix_item__qty").ShouldBeTrue(string.Join(" | ", nextPage.Steps));
        nextPage.Steps.ShouldContain(s => s.StartsWith("SEARCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureEntityStorage_ShouldCreatePartialUniqueIndexes_AndDropRemovedOnes()
    {
        var store = await CreateReadyStoreAsync();
        Scalar("SELECT sql FROM sqlite_master WHERE name = 'ux_item__email'")
            .ShouldBe("CREATE UNIQUE INDEX \"ux_item__email\" ON \"e_item\" (json_extract(data, '$.email')) WHERE deleted_at IS NULL");
        Scalar("SELECT sql FROM sqlite_master WHERE name = 'ix_item__budget'")
            .ShouldBe("CREATE INDEX \"ix_item__budget\" ON \"e_item\" (json_extract(data, '$.budget.amount'))");

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.EnsureEntityStorageAsync(ConformanceModel.Create(emailUnique: false, nameIndexed: false), Ct);
            await session.CommitAsync(Ct);
        }

        Scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('ux_item__email', 'ix_item__name')").ShouldBe("0");
        Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'ix_item__qty'").ShouldBe("1");
    }

    [Fact]
    public async Task EnsureEntityStorage_ShouldRebuildAnIndex_WhenTheFieldKindChanges()
    {
        var store = await CreateReadyStoreAsync();
        var changed = new EntityStorageModel(Model.Entity, [new StorageField("name", Sdk.Fields.FieldValueKind.Money, true, false)]);

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.EnsureEntityStorageAsync(changed, Ct);
            await session.CommitAsync(Ct);
        }

        Scalar("SELECT sql FROM sqlite_master WHERE name = 'ix_item__name'")!.ShouldContain("'$.name.amount'");
        Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'e_item' AND name LIKE 'ix\\_%' ESCAPE '\\'").ShouldBe("1");
    }

    [Fact]
    public async Task WriteSessions_ShouldQueue_WhenTwoRunConcurrently()
    {
        var store = await CreateReadyStoreAsync();
        var firstHasLock = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WriteAsync(int sequence, bool signal)
        {
            await using var session = await store.BeginSessionAsync(write: true, Ct);
            if (signal)
            {
                firstHasLock.SetResult();
            }

            var count = await session.CountAsync(Model, null, false, Ct);
            await Task.Delay(300, Ct);
            await session.InsertAsync(Model, [ConformanceRecords.Create(sequence, $$"""{"code":"w{{sequence}}","qty":{{count}}}""")], Ct);
            await session.CommitAsync(Ct);
        }

        var first = Task.Run(() => WriteAsync(1, signal: true), Ct);
        await firstHasLock.Task;
        var second = Task.Run(() => WriteAsync(2, signal: false), Ct);
        await Task.WhenAll(first, second);

        // The second writer began only after the first committed, so it saw one record.
        await using var read = await store.BeginSessionAsync(write: false, Ct);
        var records = await read.QueryAsync(Model, new StoreQuery { Sort = [ConformanceModel.Asc(ConformanceModel.Id)], Limit = 10 }, Ct);
        records.Select(r => r.Data).ShouldBe(["""{"code":"w1","qty":0}""", """{"code":"w2","qty":1}"""]);
    }

    [Fact]
    public async Task WriteSession_ShouldFailAfterBusyTimeout_WhenAnotherWriterHoldsTheLock()
    {
        var store = await CreateReadyStoreAsync(TimeSpan.FromMilliseconds(200));
        await using var holder = await store.BeginSessionAsync(write: true, Ct);
        var started = DateTime.UtcNow;

        var error = await Should.ThrowAsync<SqliteException>(() => store.BeginSessionAsync(write: true, Ct));

        error.SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task ReadSession_ShouldSeeASnapshot_WhileAWriterWorks()
    {
        var store = await CreateReadyStoreAsync();
        await using var writer = await store.BeginSessionAsync(write: true, Ct);
        await writer.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"r1"}""")], Ct);

        await using (var reader = await store.BeginSessionAsync(write: false, Ct))
        {
            (await reader.CountAsync(Model, null, false, Ct)).ShouldBe(0);
        }

        await writer.CommitAsync(Ct);
        await using var after = await store.BeginSessionAsync(write: false, Ct);
        (await after.CountAsync(Model, null, false, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task ReadSession_ShouldRefuseWrites()
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        session.IsWrite.ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => session.InsertAsync(Model, [ConformanceRecords.Create(1, "{}")], Ct));
        await Should.ThrowAsync<InvalidOperationException>(() => session.EnsureEntityStorageAsync(Model, Ct));
    }

    [Fact]
    public async Task Session_ShouldRefuseWork_AfterCommit()
    {
        var store = await CreateReadyStoreAsync();
        var session = await store.BeginSessionAsync(write: true, Ct);
        await session.CommitAsync(Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => session.CountAsync(Model, null, false, Ct));
        await session.DisposeAsync();
        await session.DisposeAsync();
        await Should.ThrowAsync<ObjectDisposedException>(() => session.CountAsync(Model, null, false, Ct));
    }

    [Theory]
    [InlineData("Item")]
    [InlineData("item; DROP TABLE crm_meta")]
    [InlineData("1item")]
    [InlineData("")]
    public async Task EnsureEntityStorage_ShouldRejectUnsafeEntityNames(string entity)
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: true, Ct);

        await Should.ThrowAsync<ArgumentException>(() => session.EnsureEntityStorageAsync(new EntityStorageModel(entity, []), Ct));
    }

    [Fact]
    public async Task Query_ShouldRejectUnsafeFieldNames()
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);
        var field = new FieldReference("name') OR 1=1 --", Sdk.Fields.FieldValueKind.Text, false);

        await Should.ThrowAsync<ArgumentException>(() => session.CountAsync(Model, new ComparisonFilter(field, ComparisonOperator.Eq, "x"), false, Ct));
        await Should.ThrowAsync<ArgumentException>(() => session.CountAsync(Model, new ComparisonFilter(field with { Name = "secret", IsSystem = true }, ComparisonOperator.Eq, "x"), false, Ct));
    }
}
