namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Wakes this process's dispatcher right after an enqueue, so an alert does not wait for the next poll.</summary>
internal sealed class AlertOutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every enqueue before it.
        }
    }

    /// <summary>Returns when notified or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
