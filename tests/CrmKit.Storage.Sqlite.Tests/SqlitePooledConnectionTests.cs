using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite.Tests;

/// <summary>The prepared-command cache of a pooled connection, and the statement texts that keep it small.</summary>
public sealed class SqlitePooledConnectionTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EntityStorageModel Model = ConformanceModel.Create();
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void GetCommand_ShouldReuseCommands_AndDisposeTheLeastRecentlyUsed_WhenFull()
    {
        var prepared = 0;
        using var connection = new SqlitePooledConnection(_database.OpenConnection(), capacity: 2, onPrepared: () => prepared++);
        var one = connection.GetCommand("SELECT 1");
        var two = connection.GetCommand("SELECT 2");
        var twoDisposed = false;
        two.Disposed += (_, _) => twoDisposed = true;

        connection.GetCommand("SELECT 1").ShouldBeSameAs(one);
        var three = connection.GetCommand("SELECT 3");

        // "SELECT 2" was the least recently used.
        twoDisposed.ShouldBeTrue();
        connection.CachedCommandCount.ShouldBe(2);
        connection.GetCommand("SELECT 1").ShouldBeSameAs(one);
        connection.GetCommand("SELECT 3").ShouldBeSameAs(three);
        prepared.ShouldBe(3);
        connection.GetCommand("SELECT 2").ShouldNotBeSameAs(two);
        prepared.ShouldBe(4);
        connection.StatementsPrepared.ShouldBe(4);
        one.ExecuteScalar().ShouldBe(1L);
    }

    [Fact]
    public void Dispose_ShouldDisposeEveryCachedCommand_AndCloseTheConnection()
    {
        var raw = _database.OpenConnection();
        var connection = new SqlitePooledConnection(raw, capacity: 4);
        var disposed = 0;
        for (var i = 0; i < 3; i++)
        {
            connection.GetCommand($"SELECT {i}").Disposed += (_, _) => disposed++;
        }

        connection.Begin(write: false);
        connection.InTransaction.ShouldBeTrue();
        connection.Rollback();
        connection.InTransaction.ShouldBeFalse();

        connection.Dispose();

        disposed.ShouldBe(3);
        raw.State.ShouldBe(System.Data.ConnectionState.Closed);
        connection.IsDisposed.ShouldBeTrue();
        Should.Throw<ObjectDisposedException>(() => connection.GetCommand("SELECT 1"));
    }

    [Fact]
    public void GetCommand_ShouldNotCacheAStatementThatFailsToPrepare()
    {
        using var connection = new SqlitePooledConnection(_database.OpenConnection(), capacity: 4);

        Should.Throw<SqliteException>(() => connection.GetCommand("SELECT * FROM no_such_table"));

        connection.CachedCommandCount.ShouldBe(0);
        connection.StatementsPrepared.ShouldBe(0);
    }

    [Fact]
    public async Task Query_ShouldPutTheLimitInTheSqlAsALiteral_AndStillUseTheIndex()
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);
        var query = new StoreQuery
        {
            Filter = new ComparisonFilter(ConformanceModel.Qty, ComparisonOperator.Eq, 5L),
            Sort = [ConformanceModel.Asc(ConformanceModel.Id)],
            Limit = 51,
        };

        var plan = await session.ExplainAsync(Model, query, Ct);

        plan.Sql.ShouldEndWith(" LIMIT 51");
        plan.Sql.ShouldContain("= @p0 ");
        plan.Sql.ShouldNotContain("@p1");
        plan.UsesIndex("ix_item__qty").ShouldBeTrue(string.Join(" | ", plan.Steps));
    }

    [Fact]
    public async Task Query_ShouldCacheOneStatementPerLimit_AndReturnAtMostTheLimit()
    {
        var store = await CreateReadyStoreAsync();
        await using (var write = await store.BeginSessionAsync(write: true, Ct))
        {
            await write.InsertAsync(Model, [.. Enumerable.Range(0, 5).Select(i => ConformanceRecords.Create(i, """{"code":"same"}"""))], Ct);
            await write.CommitAsync(Ct);
        }

        await using var session = await store.BeginSessionAsync(write: false, Ct);
        var filter = new ComparisonFilter(ConformanceModel.Code, ComparisonOperator.Eq, "same");
        var sort = new[] { ConformanceModel.Asc(ConformanceModel.Id) };

        (await session.QueryAsync(Model, new StoreQuery { Filter = filter, Sort = sort, Limit = 2 }, Ct)).Count.ShouldBe(2);
        (await session.QueryAsync(Model, new StoreQuery { Filter = filter, Sort = sort, Limit = 4 }, Ct)).Count.ShouldBe(4);
        var prepared = store.Pool.StatementsPrepared;
        (await session.QueryAsync(Model, new StoreQuery { Filter = filter, Sort = sort, Limit = 2 }, Ct)).Count.ShouldBe(2);
        (await session.QueryAsync(Model, new StoreQuery { Filter = filter, Sort = sort, Limit = 0 }, Ct)).Count.ShouldBe(0);
        store.Pool.StatementsPrepared.ShouldBe(prepared + 1);
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => session.QueryAsync(Model, new StoreQuery { Filter = filter, Sort = sort, Limit = -1 }, Ct));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(600)]
    public async Task FindExisting_ShouldFindEveryLiveId_WithPaddedInLists(int count)
    {
        var store = await CreateReadyStoreAsync();
        var records = Enumerable.Range(0, count).Select(i => ConformanceRecords.Create(i, "{}")).ToList();
        await using (var write = await store.BeginSessionAsync(write: true, Ct))
        {
            await write.InsertAsync(Model, records, Ct);
            await write.UpdateAsync(Model, ConformanceRecords.Next(records[^1], deletedAt: ConformanceRecords.BaseTime), 1, Ct);
            await write.CommitAsync(Ct);
        }

        await using var session = await store.BeginSessionAsync(write: false, Ct);
        var asked = records.Select(r => r.Id).Append(Guid.NewGuid()).ToList();

        var found = await session.FindExistingAsync(Model, asked, Ct);

        found.ShouldBe(records.SkipLast(1).Select(r => r.Id), ignoreOrder: true);
        var prepared = store.Pool.StatementsPrepared;
        (await session.FindExistingAsync(Model, asked.Take(Math.Max(1, count - 1)).ToList(), Ct)).Count.ShouldBe(Math.Max(0, count - 1));
        store.Pool.StatementsPrepared.ShouldBeLessThanOrEqualTo(prepared + 1);
    }

    private async Task<SqliteCrmStore> CreateReadyStoreAsync()
    {
        var store = _database.CreateStore();
        await store.InitializeAsync(Ct);
        await using var session = await store.BeginSessionAsync(write: true, Ct);
        await session.EnsureEntityStorageAsync(Model, Ct);
        await session.CommitAsync(Ct);
        return store;
    }
}
