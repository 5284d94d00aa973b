namespace CrmKit.Core.Outbox;

/// <summary>
/// <c>diagnostics.noop</c>: does nothing. Only queued over the API when <see cref="OutboxOptions.DiagnosticJobs"/> is on;
/// measures the dispatcher itself.
/// </summary>
internal sealed class DiagnosticNoopJobHandler : IOutboxJobHandler
{
    public string Kind => OutboxJobKinds.DiagnosticNoop;

    public Task HandleAsync(OutboxJobContext context, CancellationToken cancellationToken) =>
        DiagnosticDelay.WaitAsync(context.Payload, cancellationToken);
}
