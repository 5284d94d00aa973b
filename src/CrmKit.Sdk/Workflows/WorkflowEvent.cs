using System.Text.Json.Nodes;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Workflows;

/// <summary>
/// Something that happened and may start workflows: a message arrived on a channel, a call was missed, a payment
/// came in. Plugins raise events through <see cref="IWorkflowEventSink"/>.
/// </summary>
public sealed class WorkflowEvent
{
    /// <summary>
    /// The trigger type the event belongs to: one of <see cref="BuiltInWorkflowTriggers"/> or a type a plugin registered
    /// with an <see cref="IWorkflowTrigger"/>.
    /// </summary>
    public required string TriggerType { get; init; }

    /// <summary>The entity the event concerns, if any (for example <c>lead</c>).</summary>
    public string? Entity { get; init; }

    /// <summary>The record the event concerns, if any; set together with <see cref="Entity"/>.</summary>
    public Guid? RecordId { get; init; }

    /// <summary>
    /// The facts of the event that conditions and actions read (as <c>event.payload</c>). The shape is documented by
    /// the trigger type; <see cref="BuiltInWorkflowTriggers.InboundMessage"/> events carry
    /// <see cref="Messaging.InboundMessage.ToJson"/>.
    /// </summary>
    public required JsonObject Payload { get; init; }

    /// <summary>When the event happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Who or what caused the event; workflows it starts act as this principal.</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary>
    /// A key that identifies the event at its source, for example <c>telegram:sales-bot:123456789</c> for a Telegram
    /// update. The sink accepts an event once per key and trigger type, so a redelivered webhook starts nothing twice.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>An id that ties the event to the request or job that raised it, for logs and the run journal.</summary>
    public string? CorrelationId { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{TriggerType} {IdempotencyKey}";
}
