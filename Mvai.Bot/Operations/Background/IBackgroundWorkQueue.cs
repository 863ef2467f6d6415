namespace Mvai.Bot.Operations.Background;

/// <summary>Work that outlives the request that started it (a late answer), run by the host instead of a stray <c>Task.Run</c>.</summary>
internal interface IBackgroundWorkQueue
{
    /// <summary>
    /// Queues <paramref name="work"/>; false when the queue is full or the app is stopping, so the caller can do the
    /// work itself. The work's token is cancelled only when the app's shutdown timeout runs out.
    /// </summary>
    /// <param name="name">What the work is, for the log (never personal data).</param>
    /// <param name="work">The work; its exceptions are logged, redacted, and go no further.</param>
    bool TryEnqueue(string name, Func<CancellationToken, Task> work);
}
