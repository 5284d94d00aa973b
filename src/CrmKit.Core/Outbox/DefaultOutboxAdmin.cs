using System.Text.Json.Nodes;
using CrmKit.Core.Storage;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Outbox;

/// <summary>The outbox admin over the store.</summary>
internal sealed class DefaultOutboxAdmin(ICrmStore store, OutboxSignal signal, TimeProvider clock, IOptions<OutboxOptions> options)
    : IOutboxAdmin
{
    private const int MaxDiagnosticJobs = 10_000;
    private const int MaxDiagnosticAttempts = 100;

    public async Task<IReadOnlyList<Guid>> EnqueueDiagnosticAsync(
        string kind, int count, JsonObject? payload, CancellationToken cancellationToken)
    {
        if (!options.Value.DiagnosticJobs)
        {
            throw OutboxMessages.DiagnosticsDisabled();
        }

        if (!OutboxJobKinds.IsDiagnostic(kind ?? ""))
        {
            throw OutboxMessages.KindNotAllowed(kind ?? "");
        }

        count = Math.Clamp(count, 1, MaxDiagnosticJobs);
        var maxAttempts = payload?["maxAttempts"] is JsonValue m && m.TryGetValue(out int n) && n > 0
            ? Math.Min(n, MaxDiagnosticAttempts)
            : options.Value.MaxAttempts;
        var ids = new Guid[count];
        await using (var session = await store.BeginAsync(write: true, cancellationToken))
        {
            var now = clock.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                var job = DefaultOutbox.ToStored(new OutboxJobRequest { Kind = kind!, Payload = payload ?? [], MaxAttempts = maxAttempts }, now, options.Value.MaxAttempts);
                await session.EnqueueOutboxJobAsync(job, cancellationToken);
                ids[i] = job.Id;
            }

            await session.CommitAsync(cancellationToken);
        }

        signal.Notify();
        return ids;
    }

    public async Task<IReadOnlyList<OutboxJob>> ListAsync(OutboxJobState? state, Guid? after, int limit, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return await session.ListOutboxJobsAsync(state, after, limit, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<OutboxJobState, long>> CountAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return await session.CountOutboxJobsAsync(cancellationToken);
    }

    public async Task<OutboxJob?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return await session.GetOutboxJobAsync(id, cancellationToken);
    }

    public async Task<OutboxJob> RequeueAsync(Guid id, CancellationToken cancellationToken)
    {
        OutboxJob job;
        await using (var session = await store.BeginAsync(write: true, cancellationToken))
        {
            if (!await session.RequeueOutboxJobAsync(id, clock.GetUtcNow(), cancellationToken))
            {
                var current = await session.GetOutboxJobAsync(id, cancellationToken) ?? throw OutboxMessages.JobNotFound(id);
                throw OutboxMessages.NotDead(id, current.State);
            }

            job = (await session.GetOutboxJobAsync(id, cancellationToken))!;
            await session.CommitAsync(cancellationToken);
        }

        signal.Notify();
        return job;
    }
}
