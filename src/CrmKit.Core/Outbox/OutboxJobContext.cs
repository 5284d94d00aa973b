using System.Text.Json.Nodes;

namespace CrmKit.Core.Outbox;

/// <summary>One attempt of an outbox job, as handed to its <see cref="IOutboxJobHandler"/>.</summary>
public sealed class OutboxJobContext
{
    /// <summary>The job id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The job kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The job's data.</summary>
    public required JsonObject Payload { get; init; }

    /// <summary>The same on every attempt: send it to outside receivers, record the effect under it.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>This attempt's number, from 1.</summary>
    public required int Attempt { get; init; }

    /// <summary>The attempts allowed before the job is dead-lettered.</summary>
    public required int MaxAttempts { get; init; }

    /// <summary>The correlation id given when the job was queued.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>When the job was queued.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The services of a scope made for this attempt.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>
    /// A note stored with the completed job (for example why nothing was done); set it from the handler.
    /// </summary>
    public string? Note { get; set; }
}
