using System.Text.Json.Nodes;

namespace CrmKit.Core.Outbox;

/// <summary>Inspects the outbox and requeues dead jobs (the admin API and CLI use it).</summary>
public interface IOutboxAdmin
{
    /// <summary>Lists jobs in id (queue) order.</summary>
    /// <param name="state">Only jobs in this state (null: all).</param>
    /// <param name="after">Continue after this id (keyset paging).</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The jobs.</returns>
    Task<IReadOnlyList<OutboxJob>> ListAsync(OutboxJobState? state, Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>Counts the jobs per state.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count of every state.</returns>
    Task<IReadOnlyDictionary<OutboxJobState, long>> CountAsync(CancellationToken cancellationToken);

    /// <summary>Gets one job.</summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The job, or null.</returns>
    Task<OutboxJob?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a dead job back in the queue, due now, with its attempts reset (its idempotency key stays). Throws a
    /// <c>CrmException</c>: <c>outbox.job_not_found</c> (404) or <c>outbox.not_dead</c> (409).
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The requeued job.</returns>
    Task<OutboxJob> RequeueAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Diagnostics and tests only: queues <paramref name="count"/> jobs of a diagnostic kind
    /// (<see cref="OutboxJobKinds.DiagnosticNoop"/>, <see cref="OutboxJobKinds.DiagnosticRecordEffect"/>,
    /// <see cref="OutboxJobKinds.DiagnosticFail"/>) in one
    /// transaction, each with its own idempotency key. Throws a <c>CrmException</c>: <c>outbox.diagnostics_disabled</c>
    /// (404) unless <see cref="OutboxOptions.DiagnosticJobs"/> is on, <c>outbox.kind_not_allowed</c> (400) for other kinds.
    /// </summary>
    /// <param name="kind">The diagnostic kind.</param>
    /// <param name="count">How many jobs (1 to 10,000).</param>
    /// <param name="payload">The payload of every job (<c>{"delayMs": 5}</c> makes each take that long;
    /// <c>{"maxAttempts": 1}</c> sets the attempts, at most 100), or null.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ids of the queued jobs.</returns>
    Task<IReadOnlyList<Guid>> EnqueueDiagnosticAsync(string kind, int count, JsonObject? payload, CancellationToken cancellationToken);
}
