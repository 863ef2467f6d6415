using System.Collections.Concurrent;

namespace Mvai.Bot.BotFramework.Hosting;

/// <summary>
/// <see cref="IActivityDeduplicator"/> in process memory, for a single instance (SQLite). Memory-bounded:
/// entries older than the window are swept.
/// </summary>
internal sealed class ActivityDeduplicator(TimeProvider clock, TimeSpan window) : IActivityDeduplicator
{
    private const int SweepThreshold = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(TryRegister(key));

    /// <summary>True the first time a key is seen within the window.</summary>
    public bool TryRegister(string key)
    {
        var now = clock.GetUtcNow();
        if (_seen.Count > SweepThreshold)
        {
            Sweep(now);
        }
        while (true)
        {
            if (_seen.TryAdd(key, now))
            {
                return true;
            }
            if (!_seen.TryGetValue(key, out var seenAt))
            {
                continue;
            }
            if (now - seenAt < window)
            {
                return false;
            }
            if (_seen.TryUpdate(key, now, seenAt))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets a key, so a turn that failed before doing anything can be retried by the channel.</summary>
    public void Forget(string key) => _seen.TryRemove(key, out _);

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, seenAt) in _seen)
        {
            if (now - seenAt >= window)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
