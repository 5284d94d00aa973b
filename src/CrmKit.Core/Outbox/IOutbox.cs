namespace CrmKit.Core.Outbox;

/// <summary>Queues work to run after the current transaction commits, at least once, with retries.</summary>
public interface IOutbox
{
    /// <summary>
    /// Queues a job. Inside a record operation (a hook, a nested record call) it is written in that operation's
    /// transaction and exists only if the operation commits; outside one it is written in a transaction of its own.
    /// </summary>
    /// <param name="job">The job.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task EnqueueAsync(OutboxJobRequest job, CancellationToken cancellationToken);
}
