namespace CrmKit.Core.Outbox;

/// <summary>
/// <c>diagnostics.record_effect</c>: records its idempotency key in the effects table — the observable effect of the
/// exactly-once test (a job run twice records it once).
/// </summary>
internal sealed class DiagnosticRecordEffectJobHandler(IOutboxEffects effects) : IOutboxJobHandler
{
    public string Kind => OutboxJobKinds.DiagnosticRecordEffect;

    public async Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken)
    {
        await DiagnosticDelay.WaitAsync(context.Payload, cancellationToken);
        if (!await effects.TryRecordAsync(context.IdempotencyKey, Kind, cancellationToken))
        {
            context.Note = "duplicate";
        }
    }
}
