using CrmKit.Core.Records;
using CrmKit.Core.Storage;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Outbox;

/// <summary>
/// Writes jobs and effects in the ambient record transaction when there is one (see <see cref="SessionLease"/>),
/// otherwise in a transaction of their own.
/// </summary>
internal sealed class DefaultOutbox(ICrmStore store, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider clock)
    : IOutbox, IOutboxEffects
{
    public async Task EnqueueAsync(OutboxJobRequest job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var stored = ToStored(job, clock.GetUtcNow(), options.Value.MaxAttempts);
        await using (var lease = await SessionLease.OpenAsync(store, write: true, cancellationToken))
        {
            await lease.Session.EnqueueOutboxJobAsync(stored, cancellationToken);
            await lease.CommitAsync(cancellationToken);
        }

        // Inside a record operation the dispatcher's claim waits for the write lock, so it sees the job once committed.
        signal.Notify();
    }

    public async Task<bool> TryRecordAsync(string idempotencyKey, string effect, CancellationToken cancellationToken)
    {
        await using var lease = await SessionLease.OpenAsync(store, write: true, cancellationToken);
        var recorded = await lease.Session.TryRecordOutboxEffectAsync(idempotencyKey, effect, clock.GetUtcNow(), cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return recorded;
    }

    public async Task<bool> RunOnceAsync(
        string idempotencyKey, string effect, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var lease = (await SessionLease.OpenAsync(store, write: true, cancellationToken)).Activate();
        if (!await lease.Session.TryRecordOutboxEffectAsync(idempotencyKey, effect, clock.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        await work(cancellationToken);
        await lease.CommitAsync(cancellationToken);
        return true;
    }

    internal static OutboxJob ToStored(OutboxJobRequest job, DateTimeOffset now, int defaultMaxAttempts)
    {
        ArgumentException.ThrowIfNullOrEmpty(job.Kind);
        ArgumentNullException.ThrowIfNull(job.Payload);
        ArgumentException.ThrowIfNullOrEmpty(job.IdempotencyKey);
        ArgumentOutOfRangeException.ThrowIfNegative(job.MaxAttempts);
        return new OutboxJob
        {
            Id = RecordIds.Next(now),
            Kind = job.Kind,
            Payload = job.Payload.ToJsonString(),
            IdempotencyKey = job.IdempotencyKey,
            CorrelationId = job.CorrelationId,
            State = OutboxJobState.Pending,
            Attempts = 0,
            MaxAttempts = job.MaxAttempts > 0 ? job.MaxAttempts : defaultMaxAttempts,
            CreatedAt = now,
            DueAt = job.NotBefore is { } notBefore && notBefore > now ? notBefore : now,
        };
    }
}
