namespace CrmKit.Core.Outbox;

/// <summary>Wakes the dispatcher of this process when a job is queued, so it does not wait for its next poll.</summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled by a concurrent caller.
        }
    }

    public void Dispose() => _semaphore.Dispose();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
