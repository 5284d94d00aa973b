namespace CrmKit.Core.Outbox;

/// <summary>
/// The effects table: how a job's effect happens once although the job may run more than once (a crash between the
/// effect and the job's completion runs it again).
/// </summary>
public interface IOutboxEffects
{
    /// <summary>
    /// Records that the effect under the key happened. Inside a record operation it is written in that transaction
    /// (so it commits or rolls back with the record change it guards); outside one in a transaction of its own.
    /// </summary>
    /// <param name="idempotencyKey">The job's idempotency key.</param>
    /// <param name="effect">Names the effect within the job (a job may have several).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True the first time; false when the effect was already recorded (skip it).</returns>
    Task<bool> TryRecordAsync(string idempotencyKey, string effect, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> once per key and effect: in one write transaction that record operations made by
    /// the work join, the effect is recorded and the work done, or neither.
    /// </summary>
    /// <param name="idempotencyKey">The job's idempotency key.</param>
    /// <param name="effect">Names the effect within the job.</param>
    /// <param name="work">The effect (record changes through <c>IRecordService</c>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>True when the work ran; false when the effect had been recorded before.</returns>
    Task<bool> RunOnceAsync(string idempotencyKey, string effect, Func<CancellationToken, Task> work, CancellationToken cancellationToken);
}
