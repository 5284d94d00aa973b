using CrmKit.Core.Outbox;
using CrmKit.Core.Storage;

namespace CrmKit.Storage.Conformance;

/// <summary>The outbox: leased claims that two dispatchers never share, retries, dead-letter, requeue, effects.</summary>
public abstract partial class CrmStoreConformanceTests
{
    private static readonly DateTimeOffset OutboxNow = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task ClaimOutboxJobs_ShouldHandEachDueJobToOneOwner_AndReclaimItWhenTheLeaseExpires()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var job = OutboxJob("a", OutboxNow);
        await WriteAsync(store, s => s.EnqueueOutboxJobAsync(job, Ct));
        await WriteAsync(store, s => s.EnqueueOutboxJobAsync(OutboxJob("later", OutboxNow.AddMinutes(1)), Ct));

        var first = await WriteAsync(store, s => s.ClaimOutboxJobsAsync("one", OutboxNow, OutboxNow.AddSeconds(30), 10, Ct));
        var second = await WriteAsync(store, s => s.ClaimOutboxJobsAsync("two", OutboxNow.AddSeconds(29), OutboxNow.AddSeconds(60), 10, Ct));
        var afterLease = await WriteAsync(store, s => s.ClaimOutboxJobsAsync("two", OutboxNow.AddSeconds(30), OutboxNow.AddSeconds(60), 1, Ct));

        var claimed = first.ShouldHaveSingleItem();
        claimed.Id.ShouldBe(job.Id);
        claimed.State.ShouldBe(OutboxJobState.Running);
        claimed.Attempts.ShouldBe(1);
        claimed.Owner.ShouldBe("one");
        second.ShouldBeEmpty();
        afterLease.ShouldHaveSingleItem().Attempts.ShouldBe(2);
        (await WriteAsync(store, s => s.CompleteOutboxJobAsync(job.Id, "one", OutboxNow, null, Ct))).ShouldBeFalse();
        (await WriteAsync(store, s => s.CompleteOutboxJobAsync(job.Id, "two", OutboxNow, "ok", Ct))).ShouldBeTrue();
        var done = await ReadAsync(store, s => s.GetOutboxJobAsync(job.Id, Ct));
        done!.State.ShouldBe(OutboxJobState.Done);
        done.Note.ShouldBe("ok");
    }

    [SkippableFact]
    public async Task FailOutboxJob_ShouldRetryThenDeadLetter_AndRequeueShouldResetAttempts()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);
        var job = OutboxJob("b", OutboxNow);
        await WriteAsync(store, s => s.EnqueueOutboxJobAsync(job, Ct));

        await WriteAsync(store, s => s.ClaimOutboxJobsAsync("one", OutboxNow, OutboxNow.AddMinutes(5), 10, Ct));
        (await WriteAsync(store, s => s.FailOutboxJobAsync(job.Id, "one", "boom 1", OutboxNow.AddSeconds(10), OutboxNow, Ct))).ShouldBeTrue();
        var retry = await ReadAsync(store, s => s.GetOutboxJobAsync(job.Id, Ct));
        retry!.State.ShouldBe(OutboxJobState.Pending);
        retry.DueAt.ShouldBe(OutboxNow.AddSeconds(10));
        retry.LastError.ShouldBe("boom 1");
        (await WriteAsync(store, s => s.RequeueOutboxJobAsync(job.Id, OutboxNow, Ct))).ShouldBeFalse();

        await WriteAsync(store, s => s.ClaimOutboxJobsAsync("one", OutboxNow.AddSeconds(10), OutboxNow.AddMinutes(5), 10, Ct));
        await WriteAsync(store, s => s.FailOutboxJobAsync(job.Id, "one", "boom 2", null, OutboxNow.AddSeconds(11), Ct));
        var dead = await ReadAsync(store, s => s.ListOutboxJobsAsync(OutboxJobState.Dead, null, 10, Ct));
        dead.ShouldHaveSingleItem().LastError.ShouldBe("boom 2");
        dead[0].Attempts.ShouldBe(2);
        (await ReadAsync(store, s => s.CountOutboxJobsAsync(Ct)))[OutboxJobState.Dead].ShouldBe(1);

        (await WriteAsync(store, s => s.RequeueOutboxJobAsync(job.Id, OutboxNow.AddHours(1), Ct))).ShouldBeTrue();
        var requeued = await ReadAsync(store, s => s.GetOutboxJobAsync(job.Id, Ct));
        requeued!.State.ShouldBe(OutboxJobState.Pending);
        requeued.Attempts.ShouldBe(0);
        requeued.IdempotencyKey.ShouldBe("key-b");
    }

    [SkippableFact]
    public async Task TryRecordOutboxEffect_ShouldBeTrueOnlyTheFirstTime_AndRollBackWithItsTransaction()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync(Ct);

        await using (var rolledBack = await store.BeginAsync(write: true, Ct))
        {
            (await rolledBack.TryRecordOutboxEffectAsync("k", "send", OutboxNow, Ct)).ShouldBeTrue();
        }

        (await WriteAsync(store, s => s.TryRecordOutboxEffectAsync("k", "send", OutboxNow, Ct))).ShouldBeTrue();
        (await WriteAsync(store, s => s.TryRecordOutboxEffectAsync("k", "send", OutboxNow, Ct))).ShouldBeFalse();
        (await WriteAsync(store, s => s.TryRecordOutboxEffectAsync("k", "other", OutboxNow, Ct))).ShouldBeTrue();
        (await ReadAsync(store, s => s.CountOutboxEffectsAsync(Ct))).ShouldBe(2);
    }

    private static OutboxJob OutboxJob(string name, DateTimeOffset due) => new()
    {
        Id = Guid.CreateVersion7(due),
        Kind = "test." + name,
        Payload = """{"n":1}""",
        IdempotencyKey = "key-" + name,
        State = OutboxJobState.Pending,
        Attempts = 0,
        MaxAttempts = 3,
        CreatedAt = due,
        DueAt = due,
    };
}
