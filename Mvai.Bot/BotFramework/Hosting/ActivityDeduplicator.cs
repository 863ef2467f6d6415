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

    // ConcurrentDictionary.Count takes every lock of the dictionary, so the size is counted here instead. The next sweep
    // waits until the dictionary has doubled since the last one: when every entry is still inside the window, sweeping
    // on each call would walk all of them on every turn.
    private int _count;
    private int _sweepAt = SweepThreshold;

    /// <summary>True the first time a key is seen within the window.</summary>
    public bool TryRegister(string key)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _count) > Volatile.Read(ref _sweepAt))
        {
            Sweep(now);
        }
        while (true)
        {
            if (_seen.TryAdd(key, now))
            {
                Interlocked.Increment(ref _count);
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

    public ValueTask ForgetAsync(string key, CancellationToken cancellationToken)
    {
        Forget(key);
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets a key, so a turn that failed before doing anything can be retried by the channel.</summary>
    public void Forget(string key)
    {
        if (_seen.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        // One sweeper at a time; the others carry on registering.
        var sweepAt = Volatile.Read(ref _sweepAt);
        if (sweepAt == int.MaxValue || Interlocked.CompareExchange(ref _sweepAt, int.MaxValue, sweepAt) != sweepAt)
        {
            return;
        }
        foreach (var (key, seenAt) in _seen)
        {
            if (now - seenAt >= window && _seen.TryRemove(KeyValuePair.Create(key, seenAt)))
            {
                Interlocked.Decrement(ref _count);
            }
        }
        Volatile.Write(ref _sweepAt, Math.Max(SweepThreshold, Volatile.Read(ref _count) * 2));
    }
}
