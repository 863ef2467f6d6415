using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Credentials that signed in a moment ago, so a script sending HTTP Basic with every request pays for the PBKDF2
/// hash (and for a sign-in attempt under the limits) once every few minutes rather than on each request. Only a keyed
/// hash of the id and secret is kept, under a key that lives in this process's memory only.
/// </summary>
internal sealed class RecentSignIns(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Entries beyond this are not added: a flood of distinct good credentials is not a realistic load.</summary>
    private const int MaxEntries = 1_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, (string AccountId, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    /// <summary>The account these credentials signed in to within <see cref="Lifetime"/>, else null.</summary>
    public string? Find(string id, string secret)
    {
        var key = KeyOf(id, secret);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        if (entry.Until > clock.GetUtcNow())
        {
            return entry.AccountId;
        }
        _entries.TryRemove(key, out _);
        return null;
    }

    public void Remember(string id, string secret, string accountId)
    {
        if (_entries.Count < MaxEntries)
        {
            _entries[KeyOf(id, secret)] = (accountId, clock.GetUtcNow() + Lifetime);
        }
    }

    private string KeyOf(string id, string secret) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id.Trim().ToUpperInvariant()}\0{secret}")));
}
