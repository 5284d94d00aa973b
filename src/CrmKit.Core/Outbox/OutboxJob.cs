namespace CrmKit.Core.Outbox;

/// <summary>An outbox job as stored.</summary>
public sealed class OutboxJob
{
    /// <summary>The id (time-ordered).</summary>
    public required Guid Id { get; init; }

    /// <summary>The kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The payload as JSON text.</summary>
    public required string Payload { get; init; }

    /// <summary>The idempotency key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The correlation id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The state.</summary>
    public required OutboxJobState State { get; init; }

    /// <summary>The attempts started so far (a claimed job counts its running attempt).</summary>
    public required int Attempts { get; init; }

    /// <summary>The attempts allowed.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>When it was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Pending: when the next attempt is due. Running: when the lease expires (then another dispatcher may claim it).</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The dispatcher that holds (or last held) the job.</summary>
    public string? Owner { get; init; }

    /// <summary>The last attempt's error.</summary>
    public string? LastError { get; init; }

    /// <summary>When it was completed or dead-lettered.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>A note the handler left on completion.</summary>
    public string? Note { get; init; }
}
