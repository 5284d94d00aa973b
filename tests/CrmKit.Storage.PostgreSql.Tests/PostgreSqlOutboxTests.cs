using CrmKit.Core.Outbox;

namespace CrmKit.Storage.PostgreSql.Tests;

/// <summary>The outbox's leases hold without the store's write lock: concurrent claimers never share a job.</summary>
public sealed class PostgreSqlOutboxTests : PostgreSqlStoreFixture
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static OutboxJob Job(int sequence) => new()
    {
        Id = Guid.CreateVersion7(Now.AddMilliseconds(sequence)),
        Kind = "test",
        Payload = "{}",
        IdempotencyKey = "key-" + sequence,
        State = OutboxJobState.Pending,
        Attempts = 0,
        MaxAttempts = 3,
        CreatedAt = Now,
        DueAt = Now.AddMilliseconds(sequence),
    };

    [SkippableFact]
    public async Task Claims_ShouldNeverShareAJob_WhenClaimersOverlapWithoutTheWriteLock()
    {
        var store = await CreateReadyStoreAsync();
        var jobs = Enumerable.Range(0, 20).Select(Job).ToList();
        await WriteAsync(store, async s =>
        {
            foreach (var job in jobs)
            {
                await s.EnqueueOutboxJobAsync(job, Ct);
            }
        });

        // Two dispatchers in transactions that overlap, neither holding the write lock: the second neither waits for the
        // first one's uncommitted claim nor takes its jobs.
        await using var first = await store.BeginSessionAsync(write: true, takeWriteLock: false, Ct);
        await using var second = await store.BeginSessionAsync(write: true, takeWriteLock: false, Ct);
        var one = await first.ClaimOutboxJobsAsync("one", Now.AddSeconds(1), Now.AddMinutes(1), 5, Ct);
        var two = await second.ClaimOutboxJobsAsync("two", Now.AddSeconds(1), Now.AddMinutes(1), 10, Ct).WaitAsync(TimeSpan.FromSeconds(5), Ct);
        (await first.CompleteOutboxJobAsync(two[0].Id, "one", Now, null, Ct)).ShouldBeFalse();
        await first.CommitAsync(Ct);
        await second.CommitAsync(Ct);

        one.Select(j => j.Id).ShouldBe(jobs.Take(5).Select(j => j.Id));
        two.Select(j => j.Id).ShouldBe(jobs.Skip(5).Take(10).Select(j => j.Id));
        var rest = await WriteAsyncResult(store, s => s.ClaimOutboxJobsAsync("three", Now.AddSeconds(1), Now.AddMinutes(1), 100, Ct));
        rest.Select(j => j.Id).ShouldBe(jobs.Skip(15).Select(j => j.Id));
    }

    [SkippableFact]
    public async Task Claim_ShouldSeeTheLeaseAnotherClaimerCommitted_WhileItsTransactionWasOpen()
    {
        var store = await CreateReadyStoreAsync();
        var job = Job(1);
        await WriteAsync(store, s => s.EnqueueOutboxJobAsync(job, Ct));

        // The first claimer commits while the second's transaction is already open: READ COMMITTED gives the second's claim a
        // snapshot that has the lease.
        await using var second = await store.BeginSessionAsync(write: true, takeWriteLock: false, Ct);
        (await second.CountOutboxJobsAsync(Ct))[OutboxJobState.Pending].ShouldBe(1);
        (await WriteAsyncResult(store, s => s.ClaimOutboxJobsAsync("one", Now.AddSeconds(1), Now.AddMinutes(1), 10, Ct))).ShouldHaveSingleItem();

        (await second.ClaimOutboxJobsAsync("two", Now.AddSeconds(1), Now.AddMinutes(1), 10, Ct)).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Jobs_ShouldKeepWholeMilliseconds_AsTheSqliteStoreDoes()
    {
        var store = await CreateReadyStoreAsync();
        var job = Job(1);
        var due = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.FromHours(3)).AddTicks(1_234_567);
        await WriteAsync(store, s => s.EnqueueOutboxJobAsync(new OutboxJob
        {
            Id = job.Id, Kind = job.Kind, Payload = job.Payload, IdempotencyKey = job.IdempotencyKey, State = job.State,
            Attempts = 0, MaxAttempts = 3, CreatedAt = due, DueAt = due,
        }, Ct));

        var read = await ReadAsync(store, s => s.GetOutboxJobAsync(job.Id, Ct));

        read!.DueAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(due.ToUnixTimeMilliseconds()));
        read.DueAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    private static async Task<T> WriteAsyncResult<T>(PostgreSqlCrmStore store, Func<PostgreSqlCrmStoreSession, Task<T>> work)
    {
        await using var session = await store.BeginSessionAsync(write: true, Ct);
        var result = await work(session);
        await session.CommitAsync(Ct);
        return result;
    }
}
