namespace CrmKit.Core.Outbox;

/// <summary>
/// <c>diagnostics.fail</c>: fails every attempt, so the job is retried and then dead-lettered. Only queued over the API
/// when <see cref="OutboxOptions.DiagnosticJobs"/> is on; exercises the dead-letter queue and requeue.
/// </summary>
internal sealed class DiagnosticFailJobHandler : IOutboxJobHandler
{
    public string Kind => OutboxJobKinds.DiagnosticFail;

    public async Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken)
    {
        await DiagnosticDelay.WaitAsync(context.Payload, cancellationToken);
        throw new InvalidOperationException(
            OutboxMessages.Text(OutboxErrorCodes.DiagnosticFailure, context.Attempt, context.MaxAttempts).ToString());
    }
}
