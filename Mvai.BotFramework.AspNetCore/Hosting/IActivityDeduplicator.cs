namespace Mvai.BotFramework.Hosting;

/// <summary>
/// Remembers the activity ids a channel already delivered, so its retry of a slow turn (Teams retries after
/// about 15 s) is not processed twice, even when the retry lands on another app instance.
/// </summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time <paramref name="key"/> is seen within the deduplication window.</summary>
    ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets a key, so a turn that failed before doing anything can be retried by the channel.</summary>
    ValueTask ForgetAsync(string key, CancellationToken cancellationToken);
}
