namespace CrmKit.Core.Outbox;

/// <summary>
/// Runs the outbox jobs of one kind. Registered in DI; the dispatcher finds it by <see cref="Kind"/>. A handler that
/// throws is retried with exponential backoff (see <see cref="OutboxRetryException"/> to choose the delay) and
/// dead-lettered after the job's last attempt. Jobs run at least once: make the effect idempotent with
/// <see cref="OutboxJobContext.IdempotencyKey"/> and <see cref="IOutboxEffects"/>.
/// </summary>
public interface IOutboxJobHandler
{
    /// <summary>The job kind handled, for example <c>pipeline.post_commit</c>.</summary>
    string Kind { get; }

    /// <summary>Runs one attempt of a job.</summary>
    /// <param name="context">The job.</param>
    /// <param name="cancellationToken">Cancelled when the host stops.</param>
    /// <returns>A task.</returns>
    Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken);
}
