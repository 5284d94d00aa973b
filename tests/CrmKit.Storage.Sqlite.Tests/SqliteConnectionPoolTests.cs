using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace CrmKit.Storage.Sqlite.Tests;

/// <summary>The store's connection pool: statement reuse across sessions, failures, bounds and disposal.</summary>
public sealed class SqliteConnectionPoolTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly EntityStorageModel Model = ConformanceModel.Create();
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<SqliteCrmStore> CreateReadyStoreAsync()
    {
        var store = _database.CreateStore();
        await store.InitializeAsync(Ct);
        await using var session = await store.BeginSessionAsync(write: true, Ct);
        await session.EnsureEntityStorageAsync(Model, Ct);
        await session.CommitAsync(Ct);
        return store;
    }

    private static StoreQuery ByCode(string code) => new()
    {
        Filter = new ComparisonFilter(ConformanceModel.Code, ComparisonOperator.Eq, code),
        Sort = [ConformanceModel.Asc(ConformanceModel.Id)],
        Limit = 51,
    };

    /// <summary>Runs every hot statement once, for records <paramref name="first"/> and the one after it.</summary>
    private static async Task<string> RunHotStatementsAsync(SqliteCrmStore store, int first)
    {
        var records = new[] { ConformanceRecords.Create(first, $$"""{"code":"c{{first}}"}"""), ConformanceRecords.Create(first + 1, """{"code":"x"}""") };
        await using (var write = await store.BeginSessionAsync(write: true, Ct))
        {
            await write.InsertAsync(Model, records, Ct);
            (await write.UpdateAsync(Model, ConformanceRecords.Next(records[1], $$"""{"code":"c{{first}}"}"""), 1, Ct)).ShouldBeTrue();
            await write.CommitAsync(Ct);
        }

        await using var read = await store.BeginSessionAsync(write: false, Ct);
        var found = await read.QueryAsync(Model, ByCode($"c{first}"), Ct);
        var count = await read.CountAsync(Model, new ComparisonFilter(ConformanceModel.Code, ComparisonOperator.Eq, $"c{first}"), false, Ct);
        var got = await read.GetAsync(Model, records[1].Id, Ct);
        var existing = await read.FindExistingAsync(Model, [records[0].Id, records[1].Id, Guid.NewGuid()], Ct);
        return $"{string.Join(",", found.Select(r => r.Id))}|{count}|{got!.Version}|{existing.Count}";
    }

    [Fact]
    public async Task Sessions_ShouldReuseOneConnectionAndItsPreparedStatements()
    {
        var store = await CreateReadyStoreAsync();
        (await RunHotStatementsAsync(store, 1)).ShouldBe($"{ConformanceRecords.NewId(1)},{ConformanceRecords.NewId(2)}|2|2|2");
        var prepared = store.Pool.StatementsPrepared;

        // New values, same statements: every one comes from the cache, with the new values bound.
        (await RunHotStatementsAsync(store, 3)).ShouldBe($"{ConformanceRecords.NewId(3)},{ConformanceRecords.NewId(4)}|2|2|2");

        store.Pool.StatementsPrepared.ShouldBe(prepared);
        store.Pool.ConnectionsOpened.ShouldBe(1);
        store.Pool.ConnectionsClosed.ShouldBe(0);
        store.Pool.IdleCount.ShouldBe(1);
    }

    [Fact]
    public async Task Session_ShouldLeaveAConnectionWithoutTransaction_WhenDisposedWithoutCommit()
    {
        var store = await CreateReadyStoreAsync();
        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"a"}""")], Ct);
        }

        // The same connection serves the next writer: it was rolled back, so BEGIN IMMEDIATE works and sees nothing.
        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            (await session.CountAsync(Model, null, false, Ct)).ShouldBe(0);
            await session.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"b"}""")], Ct);
            await session.CommitAsync(Ct);
        }

        store.Pool.ConnectionsOpened.ShouldBe(1);
        await using var read = await store.BeginSessionAsync(write: false, Ct);
        (await read.GetAsync(Model, ConformanceRecords.NewId(1), Ct))!.Data.ShouldBe("""{"code":"b"}""");
    }

    [Fact]
    public async Task Session_ShouldRefuseWork_WhenSqliteRolledItsTransactionBack()
    {
        var store = await CreateReadyStoreAsync();
        using (var connection = _database.OpenConnection())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                CREATE TRIGGER abort_on_boom BEFORE INSERT ON e_item WHEN json_extract(NEW.data, '$.code') = 'boom'
                BEGIN SELECT RAISE(ROLLBACK, 'boom'); END
                """;
            command.ExecuteNonQuery();
        }

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"a"}""")], Ct);
            await Should.ThrowAsync<SqliteException>(() => session.InsertAsync(Model, [ConformanceRecords.Create(2, """{"code":"boom"}""")], Ct));

            // Without the transaction, each statement would commit on its own.
            await Should.ThrowAsync<InvalidOperationException>(() => session.InsertAsync(Model, [ConformanceRecords.Create(3, """{"code":"c"}""")], Ct));
            await Should.ThrowAsync<InvalidOperationException>(() => session.CommitAsync(Ct));
        }

        // The connection is clean again (no transaction) and is reused.
        await using var read = await store.BeginSessionAsync(write: false, Ct);
        (await read.CountAsync(Model, null, false, Ct)).ShouldBe(0);
        store.Pool.ConnectionsOpened.ShouldBe(1);
    }

    [Fact]
    public async Task Session_ShouldCloseItsConnection_AfterAnErrorOtherThanAConstraintViolation()
    {
        var store = await CreateReadyStoreAsync();
        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            var missing = new EntityStorageModel("missing", []);
            await Should.ThrowAsync<SqliteException>(() => session.QueryAsync(missing, new StoreQuery { Sort = [], Limit = 1 }, Ct));
        }

        store.Pool.ConnectionsClosed.ShouldBe(1);
        store.Pool.IdleCount.ShouldBe(0);

        // A fresh connection, with the PRAGMAs applied, takes its place.
        await using var next = await store.BeginSessionAsync(write: true, Ct);
        await next.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"a"}""")], Ct);
        (await next.CountAsync(Model, null, false, Ct)).ShouldBe(1);
        await using var command = next.CreateCommand("PRAGMA busy_timeout");
        (await command.ExecuteScalarAsync(Ct)).ShouldBe(10000L);
        store.Pool.ConnectionsOpened.ShouldBe(2);
    }

    [Fact]
    public async Task Session_ShouldKeepItsConnection_AfterAUniqueViolationOrCancellation()
    {
        var store = await CreateReadyStoreAsync();
        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.InsertAsync(Model, [ConformanceRecords.Create(1, """{"email":"a@x"}""")], Ct);
            await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, [ConformanceRecords.Create(2, """{"email":"a@x"}""")], Ct));
            await Should.ThrowAsync<OperationCanceledException>(() => session.QueryAsync(Model, ByCode("a"), new CancellationToken(canceled: true)));
            await session.CommitAsync(Ct);
        }

        await Should.ThrowAsync<OperationCanceledException>(() => store.BeginSessionAsync(write: false, new CancellationToken(canceled: true)));
        await using var read = await store.BeginSessionAsync(write: false, Ct);
        (await read.CountAsync(Model, null, false, Ct)).ShouldBe(1);
        store.Pool.ConnectionsOpened.ShouldBe(1);
        store.Pool.ConnectionsClosed.ShouldBe(0);
    }

    [Fact]
    public async Task Pool_ShouldKeepAtMostSixteenIdleConnections()
    {
        var store = await CreateReadyStoreAsync();
        var sessions = new List<SqliteCrmStoreSession>();
        for (var i = 0; i < 20; i++)
        {
            var session = await store.BeginSessionAsync(write: false, Ct);
            (await session.CountAsync(Model, null, false, Ct)).ShouldBe(0);
            sessions.Add(session);
        }

        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }

        store.Pool.MaxIdle.ShouldBe(16);
        store.Pool.ConnectionsOpened.ShouldBe(20);
        store.Pool.IdleCount.ShouldBe(16);
        store.Pool.ConnectionsClosed.ShouldBe(4);
    }

    [Fact]
    public async Task Pool_ShouldServeConcurrentReadersAndQueuedWriters()
    {
        var store = await CreateReadyStoreAsync();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var session = await store.BeginSessionAsync(write: true, Ct);
                var sequence = (w * 100) + i;
                await session.InsertAsync(Model, [ConformanceRecords.Create(sequence, $$"""{"code":"w{{w}}"}""")], Ct);
                await session.CommitAsync(Ct);
            }
        }));
        var readers = Enumerable.Range(0, 8).Select(r => Task.Run(async () =>
        {
            var last = 0L;
            for (var i = 0; i < 20; i++)
            {
                await using var session = await store.BeginSessionAsync(write: false, Ct);
                var count = await session.CountAsync(Model, null, false, Ct);
                (await session.QueryAsync(Model, new StoreQuery { Sort = [ConformanceModel.Asc(ConformanceModel.Id)], Limit = 100 }, Ct)).Count.ShouldBe((int)count);
                count.ShouldBeGreaterThanOrEqualTo(last);
                last = count;
            }
        }));

        await Task.WhenAll(writers.Concat(readers));

        await using var read = await store.BeginSessionAsync(write: false, Ct);
        (await read.CountAsync(Model, new ComparisonFilter(ConformanceModel.Code, ComparisonOperator.Eq, "w3"), false, Ct)).ShouldBe(10);
        (await read.CountAsync(Model, null, false, Ct)).ShouldBe(40);
        store.Pool.IdleCount.ShouldBeLessThanOrEqualTo(16);
        store.Pool.ConnectionsClosed.ShouldBe(Math.Max(0, store.Pool.ConnectionsOpened - 16));
    }

    [Fact]
    public async Task Dispose_ShouldCloseEveryConnection_AndCheckpointTheWal()
    {
        var store = await CreateReadyStoreAsync();
        var open = await store.BeginSessionAsync(write: false, Ct);
        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.InsertAsync(Model, [ConformanceRecords.Create(1, """{"code":"a"}""")], Ct);
            await session.CommitAsync(Ct);
        }

        store.Dispose();

        store.Pool.IdleCount.ShouldBe(0);
        store.Pool.ConnectionsClosed.ShouldBe(1);

        // A session still open closes its connection when it ends instead of pooling it.
        (await open.CountAsync(Model, null, false, Ct)).ShouldBe(1);
        await open.DisposeAsync();
        store.Pool.IdleCount.ShouldBe(0);
        store.Pool.ConnectionsClosed.ShouldBe(store.Pool.ConnectionsOpened);
        File.Exists(_database.Path + "-wal").ShouldBeFalse();
        await Should.ThrowAsync<ObjectDisposedException>(() => store.BeginSessionAsync(write: false, Ct));
    }
}
