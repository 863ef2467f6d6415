using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// <see cref="IActivityDeduplicator"/> in process memory, for a single instance (SQLite).
/// </summary>
/// <remarks>
/// Every turn adds a key that must be remembered for the whole window (10 minutes by default): at thousands of turns a
/// second that is millions of keys. They are kept as 64-bit digests in hash sets of plain structs, not as strings in a
/// dictionary of nodes, so memory is ~20 bytes a key and the garbage collector sees a few large arrays without
/// references instead of two objects per turn to trace and promote. The sets are generations of half a window each,
/// each sized like the one before it so it seldom grows: a key is looked up in the live generations, and a generation
/// that has aged out is dropped whole, with no sweep over the entries. The digest is the first 64 bits of SHA-256, so
/// an id cannot be crafted to collide with another conversation's, and an accidental collision (which would drop one
/// message as a retry) has odds of about one in 10^13 per turn even with millions of keys remembered.
/// </remarks>
internal sealed class ActivityDeduplicator : IActivityDeduplicator
{
    private readonly TimeProvider _clock;
    private readonly TimeSpan _window;
    private readonly TimeSpan _period;
    private readonly Lock _lock = new();

    // Newest first. A key lives in the generation that was current when it was registered, and is forgotten with it,
    // one and a half windows after the generation started: each key is remembered for at least the window, at most 1.5.
    private readonly LinkedList<Generation> _generations = new();

    public ActivityDeduplicator(TimeProvider clock, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _clock = clock;
        _window = window;
        _period = window / 2;
    }

    public ValueTask<bool> TryRegisterAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult(TryRegister(key));

    public ValueTask ForgetAsync(string key, CancellationToken cancellationToken)
    {
        Forget(key);
        return ValueTask.CompletedTask;
    }

    /// <summary>True the first time a key is seen within the window.</summary>
    public bool TryRegister(string key)
    {
        var digest = Digest(key);
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            DropExpired(now);
            foreach (var generation in _generations)
            {
                if (generation.Keys.Contains(digest))
                {
                    return false;
                }
            }
            Current(now).Keys.Add(digest);
            return true;
        }
    }

    /// <summary>Forgets a key, so a turn that failed before doing anything can be retried by the channel.</summary>
    public void Forget(string key)
    {
        var digest = Digest(key);
        lock (_lock)
        {
            foreach (var generation in _generations)
            {
                generation.Keys.Remove(digest);
            }
        }
    }

    private Generation Current(DateTimeOffset now)
    {
        if (_generations.First?.Value is { } newest && now - newest.Started < _period)
        {
            return newest;
        }
        var started = new Generation(now, _generations.First?.Value.Keys.Count ?? 0);
        _generations.AddFirst(started);
        return started;
    }

    private void DropExpired(DateTimeOffset now)
    {
        // A generation takes keys for one period after it starts, so its youngest key is a window old one period later.
        while (_generations.Last is { } oldest && now - oldest.Value.Started >= _window + _period)
        {
            _generations.RemoveLast();
        }
    }

    private static ulong Digest(string key)
    {
        var length = Encoding.UTF8.GetMaxByteCount(key.Length);
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> bytes = rented ?? stackalloc byte[512];
        try
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(key, bytes)], hash);
            return BitConverter.ToUInt64(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private sealed class Generation(DateTimeOffset started, int expectedKeys)
    {
        public DateTimeOffset Started { get; } = started;

        public HashSet<ulong> Keys { get; } = new(expectedKeys);
    }
}
