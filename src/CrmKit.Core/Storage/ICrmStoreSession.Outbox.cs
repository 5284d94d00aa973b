using CrmKit.Core.Outbox;

namespace CrmKit.Core.Storage;

/// <summary>The outbox (<c>crm_outbox</c>) and the effects table (<c>crm_effects</c>).</summary>
public partial interface ICrmStoreSession
{
    /// <summary>Writes a new job (write sessions only).</summary>
    /// <param name="job">The job; its state is normally <see cref="OutboxJobState.Pending"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task EnqueueOutboxJobAsync(OutboxJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due jobs for <paramref name="owner"/> in one statement: pending jobs due by
    /// <paramref name="now"/> and running jobs whose lease expired by then become running, leased until
    /// <paramref name="leaseUntil"/>, with one more attempt. A job is claimed by one owner at a time, also when several
    /// processes share the database.
    /// </summary>
    /// <param name="owner">The claiming dispatcher.</param>
    /// <param name="now">The current time.</param>
    /// <param name="leaseUntil">When the lease expires.</param>
    /// <param name="limit">The most jobs to claim.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The claimed jobs, oldest due first.</returns>
    Task<IReadOnlyList<OutboxJob>> ClaimOutboxJobsAsync(
        string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a job done, if <paramref name="owner"/> still holds it.</summary>
    /// <param name="id">The job.</param>
    /// <param name="owner">The dispatcher that ran it.</param>
    /// <param name="at">When it completed.</param>
    /// <param name="note">An optional note.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when the job was not held by the owner (its lease expired and it was claimed again).</returns>
    Task<bool> CompleteOutboxJobAsync(Guid id, string owner, DateTimeOffset at, string? note, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt, if <paramref name="owner"/> still holds the job.</summary>
    /// <param name="id">The job.</param>
    /// <param name="owner">The dispatcher that ran it.</param>
    /// <param name="lastError">The error.</param>
    /// <param name="retryAt">When to try again; null dead-letters the job.</param>
    /// <param name="at">When it failed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when the job was not held by the owner.</returns>
    Task<bool> FailOutboxJobAsync(
        Guid id, string owner, string lastError, DateTimeOffset? retryAt, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Puts a dead job back in the queue, due at <paramref name="at"/>, with no attempts made.</summary>
    /// <param name="id">The job.</param>
    /// <param name="at">When it is due.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when there is no dead job with that id.</returns>
    Task<bool> RequeueOutboxJobAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Reads one job.</summary>
    /// <param name="id">The job.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The job, or null.</returns>
    Task<OutboxJob?> GetOutboxJobAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists jobs in id order.</summary>
    /// <param name="state">Only this state (null: all).</param>
    /// <param name="after">Only ids after this one.</param>
    /// <param name="limit">The most jobs.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The jobs.</returns>
    Task<IReadOnlyList<OutboxJob>> ListOutboxJobsAsync(
        OutboxJobState? state, Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>Counts the jobs per state (every state present, zero when none).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The counts.</returns>
    Task<IReadOnlyDictionary<OutboxJobState, long>> CountOutboxJobsAsync(CancellationToken cancellationToken);

    /// <summary>Records an effect under an idempotency key unless it is already recorded (write sessions only).</summary>
    /// <param name="idempotencyKey">The key.</param>
    /// <param name="effect">The effect's name within the job.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when recorded now; false when it was already there.</returns>
    Task<bool> TryRecordOutboxEffectAsync(string idempotencyKey, string effect, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Counts the recorded effects.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The count.</returns>
    Task<long> CountOutboxEffectsAsync(CancellationToken cancellationToken);
}
