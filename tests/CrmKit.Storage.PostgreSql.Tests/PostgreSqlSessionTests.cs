using CrmKit.Core.Query;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Fields;
using CrmKit.Storage.Conformance;
using Npgsql;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>Sessions: the write lock, read snapshots, read-only refusal, and what a session allows after an error.</summary>
public sealed class PostgreSqlSessionTests : PostgreSqlStoreFixture
{
    private static StoredRecord Record(int sequence, string? email = null) =>
        ConformanceRecords.Create(sequence, ConformanceJson.Object(("code", "r" + sequence), ("email", email)));

    [SkippableFact]
    public async Task RepeatedQueries_ShouldBePrepared_AndStayPreparedAcrossSessions()
    {
        var store = await CreateReadyStoreAsync();
        for (var i = 0; i < 8; i++)
        {
            await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct));
        }

        // Sessions draw from one pool: the connection the next session gets has seen the count often enough for Npgsql
        // to prepare it, and was not reset (DISCARD ALL) between sessions.
        await using var session = await store.BeginSessionAsync(write: false, Ct);
        await using var command = session.CreateCommand("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%count(%'");
        Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [SkippableFact]
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

        // The second writer began only after the first committed, so it counted one record.
        var records = await ReadAsync(store, s => s.QueryAsync(Model, new StoreQuery { Sort = [ConformanceModel.Asc(ConformanceModel.Id)], Limit = 10 }, Ct));
        records.Select(r => r.Data).ShouldBe(["""{"code":"w1","qty":0}""", """{"code":"w2","qty":1}"""]);
    }

    [SkippableFact]
    public async Task WriteSession_ShouldFailAfterTheLockTimeout_WhenAnotherWriterHoldsTheLock()
    {
        var store = await CreateReadyStoreAsync(o => o.LockTimeout = TimeSpan.FromMilliseconds(200));
        await using var holder = await store.BeginSessionAsync(write: true, Ct);
        var started = DateTime.UtcNow;

        var error = await Should.ThrowAsync<PostgresException>(() => store.BeginSessionAsync(write: true, Ct));

        error.SqlState.ShouldBe(PostgresErrorCodes.LockNotAvailable);
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(8));
        (await holder.CountAsync(Model, null, false, Ct)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task ReadSession_ShouldNotWaitForTheWriteLock()
    {
        var store = await CreateReadyStoreAsync(o => o.LockTimeout = TimeSpan.FromMilliseconds(200));
        await using var writer = await store.BeginSessionAsync(write: true, Ct);
        await writer.InsertAsync(Model, [Record(1)], Ct);

        await using var reader = await store.BeginSessionAsync(write: false, Ct);

        (await reader.CountAsync(Model, null, false, Ct)).ShouldBe(0);
        reader.IsWrite.ShouldBeFalse();
    }

    [SkippableFact]
    public async Task ReadSession_ShouldSeeOneSnapshot_WhileAWriterCommits()
    {
        var store = await CreateReadyStoreAsync();
        await using var reader = await store.BeginSessionAsync(write: false, Ct);
        (await reader.CountAsync(Model, null, false, Ct)).ShouldBe(0);

        await WriteAsync(store, s => s.InsertAsync(Model, [Record(1)], Ct));

        (await reader.CountAsync(Model, null, false, Ct)).ShouldBe(0);
        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task StatementReadSession_ShouldRunEachStatementOnItsOwn_WithNoTransactionOpen()
    {
        var store = await CreateReadyStoreAsync();
        await using var reader = await store.BeginStatementReadAsync(Ct);
        (await reader.CountAsync(Model, null, false, Ct)).ShouldBe(0);

        // No transaction spans the statements (nothing to roll back at the end), so the next one sees the commit.
        await WriteAsync(store, s => s.InsertAsync(Model, [Record(1)], Ct));
        (await reader.CountAsync(Model, null, false, Ct)).ShouldBe(1);
        (await reader.GetAsync(Model, ConformanceRecords.NewId(1), Ct)).ShouldNotBeNull();
    }

    [SkippableFact]
    public async Task StatementReadSession_ShouldRefuseWrites_AndCommitHarmlessly()
    {
        var store = await CreateReadyStoreAsync();
        var session = await store.BeginStatementReadAsync(Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => session.InsertAsync(Model, [Record(1)], Ct));
        await session.CommitAsync(Ct);
        await Should.ThrowAsync<InvalidOperationException>(() => session.CountAsync(Model, null, false, Ct));
        await session.DisposeAsync();
        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task ReadSession_ShouldRefuseWrites()
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => session.InsertAsync(Model, [Record(1)], Ct));
        await Should.ThrowAsync<InvalidOperationException>(() => session.EnsureEntityStorageAsync(Model, Ct));
        await Should.ThrowAsync<InvalidOperationException>(() => session.ClaimOutboxJobsAsync("a", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 1, Ct));
        (await session.CountAsync(Model, null, false, Ct)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Session_ShouldRefuseWork_AfterCommitAndDispose()
    {
        var store = await CreateReadyStoreAsync();
        var session = await store.BeginSessionAsync(write: true, Ct);
        await session.CommitAsync(Ct);

        await Should.ThrowAsync<InvalidOperationException>(() => session.CountAsync(Model, null, false, Ct));
        await session.DisposeAsync();
        await session.DisposeAsync();
        await Should.ThrowAsync<ObjectDisposedException>(() => session.CountAsync(Model, null, false, Ct));
    }

    [SkippableFact]
    public async Task Session_ShouldStayUsable_AfterAUniqueViolation()
    {
        var store = await CreateReadyStoreAsync();
        await WriteAsync(store, s => s.InsertAsync(Model, [Record(1, "a@example.com")], Ct));

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            await session.InsertAsync(Model, [Record(2, "b@example.com")], Ct);
            var error = await Should.ThrowAsync<UniqueConstraintException>(() => session.InsertAsync(Model, [Record(3, "a@example.com")], Ct));
            error.Field.ShouldBe("email");
            error.InnerException.ShouldBeOfType<PostgresException>().SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
            await Should.ThrowAsync<UniqueConstraintException>(() => session.UpdateAsync(Model, ConformanceRecords.Next(Record(2, "b@example.com"), """{"email":"a@example.com"}"""), 1, Ct));

            // Only the failed statements were rolled back.
            await session.InsertAsync(Model, [Record(4, "d@example.com")], Ct);
            await session.CommitAsync(Ct);
        }

        var codes = await ReadAsync(store, s => s.QueryAsync(Model, new StoreQuery { Sort = [ConformanceModel.Asc(ConformanceModel.Id)], Limit = 10 }, Ct));
        codes.Select(ConformanceRecords.Code).ShouldBe(["r1", "r2", "r4"]);
    }

    [SkippableFact]
    public async Task Session_ShouldStayUsable_AfterAFailedWriteOfAnEntityWithUniqueFields()
    {
        var store = await CreateReadyStoreAsync();

        await using var session = await store.BeginSessionAsync(write: true, Ct);
        var error = await Should.ThrowAsync<PostgresException>(() => session.InsertAsync(Model, [ConformanceRecords.Create(1, "{not json")], Ct));
        error.SqlState.ShouldBe(PostgresErrorCodes.InvalidTextRepresentation);

        await session.InsertAsync(Model, [Record(2)], Ct);
        (await session.CountAsync(Model, null, false, Ct)).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Session_ShouldRefuseWork_AfterAnErrorAbortedTheTransaction()
    {
        var store = await CreateReadyStoreAsync();
        var plain = new EntityStorageModel("note", [new StorageField("text", FieldValueKind.Text, true, false)]);
        await WriteAsync(store, s => s.EnsureEntityStorageAsync(plain, Ct));

        await using (var session = await store.BeginSessionAsync(write: true, Ct))
        {
            // No unique field, so no savepoint: PostgreSQL aborts the transaction, and the session says so.
            await Should.ThrowAsync<PostgresException>(() => session.InsertAsync(plain, [ConformanceRecords.Create(1, "{not json")], Ct));
            var error = await Should.ThrowAsync<InvalidOperationException>(() => session.CountAsync(plain, null, false, Ct));
            error.Message.ShouldContain("aborted");
            await Should.ThrowAsync<InvalidOperationException>(() => session.CommitAsync(Ct));
        }

        await WriteAsync(store, s => s.InsertAsync(plain, [ConformanceRecords.Create(2, """{"text":"ok"}""")], Ct));
        (await ReadAsync(store, s => s.CountAsync(plain, null, false, Ct))).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Session_ShouldRollBack_WhenCancelledWhileWaitingForTheWriteLock()
    {
        var store = await CreateReadyStoreAsync();
        await using var holder = await store.BeginSessionAsync(write: true, Ct);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => store.BeginSessionAsync(write: true, cancel.Token));

        await holder.InsertAsync(Model, [Record(1)], Ct);
        await holder.CommitAsync(Ct);
        await WriteAsync(store, s => s.InsertAsync(Model, [Record(2)], Ct));
        (await ReadAsync(store, s => s.CountAsync(Model, null, false, Ct))).ShouldBe(2);
    }

    [SkippableTheory]
    [InlineData("Item")]
    [InlineData("item; DROP TABLE crm_entities")]
    [InlineData("1item")]
    [InlineData("")]
    public async Task EnsureEntityStorage_ShouldRejectUnsafeEntityNames(string entity)
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: true, Ct);

        await Should.ThrowAsync<ArgumentException>(() => session.EnsureEntityStorageAsync(new EntityStorageModel(entity, []), Ct));
        (await session.CountAsync(Model, null, false, Ct)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Query_ShouldRejectUnsafeFieldNames()
    {
        var store = await CreateReadyStoreAsync();
        await using var session = await store.BeginSessionAsync(write: false, Ct);
        var field = new FieldReference("name') OR 1=1 --", FieldValueKind.Text, false);

        await Should.ThrowAsync<ArgumentException>(() => session.CountAsync(Model, new ComparisonFilter(field, ComparisonOperator.Eq, "x"), false, Ct));
        await Should.ThrowAsync<ArgumentException>(() => session.CountAsync(Model, new ComparisonFilter(field with { Name = "secret", IsSystem = true }, ComparisonOperator.Eq, "x"), false, Ct));
        (await session.CountAsync(Model, null, false, Ct)).ShouldBe(0);
    }
}
