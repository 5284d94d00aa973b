using System.Text.Json.Nodes;
using CrmKit.Core.Outbox;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Outbox;

public sealed class OutboxDispatcherTests
{
    private readonly ManualClock _clock = new();
    private readonly RecordingJobHandler _handler = new();

    [Fact]
    public async Task Dispatch_ShouldRunAJobOnce_WithItsPayloadAndIdempotencyKey_AndMarkItDone()
    {
        await using var host = await StartAsync();
        await host.Outbox().EnqueueAsync(Job("k-1"), CancellationToken.None);

        (await host.DispatchAsync()).ShouldBe(1);
        (await host.DispatchAsync()).ShouldBe(0);

        var attempt = _handler.Attempts.ShouldHaveSingleItem();
        attempt.IdempotencyKey.ShouldBe("k-1");
        attempt.Payload["n"]!.GetValue<int>().ShouldBe(1);
        attempt.Attempt.ShouldBe(1);
        attempt.CorrelationId.ShouldBe("corr");
        var job = (await host.Admin().ListAsync(OutboxJobState.Done, null, 10, CancellationToken.None)).ShouldHaveSingleItem();
        job.FinishedAt.ShouldBe(_clock.Now);
    }

    [Fact]
    public async Task Dispatch_ShouldNotRunAJob_BeforeItsNotBefore()
    {
        await using var host = await StartAsync();
        await host.Outbox().EnqueueAsync(
            new OutboxJobRequest { Kind = RecordingJobHandler.JobKind, Payload = [], NotBefore = _clock.Now.AddMinutes(5) },
            CancellationToken.None);

        (await host.DispatchAsync()).ShouldBe(0);
        _clock.Now = _clock.Now.AddMinutes(5);
        (await host.DispatchAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task FailingJob_ShouldRetryWithCappedBackoff_ThenDeadLetterWithTheLastError()
    {
        await using var host = await StartAsync();
        _handler.FailuresLeft = int.MaxValue;
        await host.Outbox().EnqueueAsync(Job("k-2"), CancellationToken.None);

        (await host.DispatchAsync()).ShouldBe(1);
        var pending = (await host.Admin().ListAsync(OutboxJobState.Pending, null, 10, CancellationToken.None)).ShouldHaveSingleItem();
        pending.Attempts.ShouldBe(1);
        pending.DueAt.ShouldBeInRange(_clock.Now, _clock.Now.AddSeconds(10));
        pending.LastError!.ShouldContain("receiver unavailable 1");

        for (var attempt = 2; attempt <= 3; attempt++)
        {
            _clock.Now = _clock.Now.AddMinutes(1);
            (await host.DispatchAsync()).ShouldBe(1);
        }

        var dead = (await host.Admin().ListAsync(OutboxJobState.Dead, null, 10, CancellationToken.None)).ShouldHaveSingleItem();
        dead.Attempts.ShouldBe(3);
        dead.LastError!.ShouldContain("receiver unavailable 3");
        _handler.Attempts.Select(a => a.IdempotencyKey).Distinct().ShouldBe(["k-2"]);
        _clock.Now = _clock.Now.AddHours(1);
        (await host.DispatchAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Requeue_ShouldResetAttemptsAndRunTheDeadJobAgain_WithTheSameKey()
    {
        await using var host = await StartAsync(maxAttempts: 1);
        _handler.FailuresLeft = 1;
        await host.Outbox().EnqueueAsync(Job("k-3"), CancellationToken.None);
        await host.DispatchAsync();
        var dead = (await host.Admin().ListAsync(OutboxJobState.Dead, null, 10, CancellationToken.None)).ShouldHaveSingleItem();

        var requeued = await host.Admin().RequeueAsync(dead.Id, CancellationToken.None);
        requeued.State.ShouldBe(OutboxJobState.Pending);
        requeued.Attempts.ShouldBe(0);
        (await host.DispatchAsync()).ShouldBe(1);

        (await host.Admin().GetAsync(dead.Id, CancellationToken.None))!.State.ShouldBe(OutboxJobState.Done);
        _handler.Attempts.Select(a => (a.IdempotencyKey, a.Attempt)).ShouldBe([("k-3", 1), ("k-3", 1)]);
    }

    [Fact]
    public async Task Requeue_ShouldRefuse_WhenTheJobIsNotDeadOrMissing()
    {
        await using var host = await StartAsync();
        await host.Outbox().EnqueueAsync(Job("k-4"), CancellationToken.None);
        var job = (await host.Admin().ListAsync(null, null, 10, CancellationToken.None)).ShouldHaveSingleItem();

        (await Should.ThrowAsync<CrmException>(() => host.Admin().RequeueAsync(job.Id, CancellationToken.None))).Code.ShouldBe(OutboxErrorCodes.NotDead);
        (await Should.ThrowAsync<CrmException>(() => host.Admin().RequeueAsync(Guid.NewGuid(), CancellationToken.None))).Code.ShouldBe(OutboxErrorCodes.JobNotFound);
    }

    [Fact]
    public async Task JobWithoutHandler_ShouldFailWithACode_AndEventuallyDie()
    {
        await using var host = await StartAsync(maxAttempts: 1);
        await host.Outbox().EnqueueAsync(new OutboxJobRequest { Kind = "nobody.handles", Payload = [] }, CancellationToken.None);

        await host.DispatchAsync();

        var dead = (await host.Admin().ListAsync(OutboxJobState.Dead, null, 10, CancellationToken.None)).ShouldHaveSingleItem();
        dead.LastError!.ShouldContain("nobody.handles");
    }

    [Fact]
    public async Task RecordEffectJob_ShouldRecordItsEffectOnce_WhenRunTwice()
    {
        await using var host = await StartAsync();
        var effects = host.Services.GetRequiredService<IOutboxEffects>();

        (await effects.TryRecordAsync("k-5", "webhook", CancellationToken.None)).ShouldBeTrue();
        (await effects.TryRecordAsync("k-5", "webhook", CancellationToken.None)).ShouldBeFalse();
        (await effects.TryRecordAsync("k-5", "email", CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task RunOnce_ShouldDoTheWorkOnce_AndRollBackTheEffectWithTheWork()
    {
        await using var host = await StartAsync();
        var effects = host.Services.GetRequiredService<IOutboxEffects>();

        await Should.ThrowAsync<InvalidOperationException>(() => effects.RunOnceAsync("k-6", "note", async ct =>
        {
            await host.Records.CreateAsync(Services.CrmTestHost.User, "note", [new JsonObject { ["body"] = "x" }], ct);
            throw new InvalidOperationException("crash after the write");
        }, CancellationToken.None));
        (await host.CountAsync("note")).ShouldBe(0);

        var runs = 0;
        for (var i = 0; i < 2; i++)
        {
            await effects.RunOnceAsync("k-6", "note", async ct =>
            {
                runs++;
                await host.Records.CreateAsync(Services.CrmTestHost.User, "note", [new JsonObject { ["body"] = "x" }], ct);
            }, CancellationToken.None);
        }

        runs.ShouldBe(1);
        (await host.CountAsync("note")).ShouldBe(1);
    }

    private static OutboxJobRequest Job(string key) => new()
    {
        Kind = RecordingJobHandler.JobKind,
        Payload = new JsonObject { ["n"] = 1 },
        IdempotencyKey = key,
        CorrelationId = "corr",
    };

    private Task<Services.CrmTestHost> StartAsync(int maxAttempts = 3) =>
        OutboxTestHost.StartAsync(_clock, b => b.Services.AddSingleton<IOutboxJobHandler>(_handler), maxAttempts);
}
