using System.Text.Json.Nodes;

namespace CrmKit.Core.Outbox;

/// <summary>A job to queue in the outbox (see <see cref="IOutbox"/>).</summary>
public sealed class OutboxJobRequest
{
    /// <summary>The job kind; the dispatcher runs it with the <see cref="IOutboxJobHandler"/> of that kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The job's data, handed to the handler as is.</summary>
    public required JsonObject Payload { get; init; }

    /// <summary>
    /// The key that identifies the job's effect: the same on every attempt, handed to the handler (and by it to outside
    /// receivers, for example as a webhook header) so that a retried job has its effect once. A new GUID by default.
    /// </summary>
    public string IdempotencyKey { get; init; } = Guid.NewGuid().ToString("N");

    /// <summary>Not before this instant (null: as soon as possible).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>How many attempts before the job is dead-lettered (0: <see cref="OutboxOptions.MaxAttempts"/>).</summary>
    public int MaxAttempts { get; init; }

    /// <summary>Ties related jobs together (a workflow run, a request), for logs and the admin API.</summary>
    public string? CorrelationId { get; init; }
}
