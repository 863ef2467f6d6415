using System.Collections.Concurrent;
using System.Net;

namespace Mvai.Bot.Tests.Fuzzing;

/// <summary>How many fuzzed requests an endpoint got and what it answered, for the test output.</summary>
internal sealed class FuzzTally(string endpoint)
{
    private readonly ConcurrentDictionary<int, int> _statuses = new();
    private int _cases;

    public int Cases => _cases;

    private readonly ConcurrentDictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public void Count(HttpStatusCode status, string? reason = null)
    {
        Interlocked.Increment(ref _cases);
        _statuses.AddOrUpdate((int)status, 1, (_, n) => n + 1);
        if (reason is not null)
        {
            _reasons.AddOrUpdate(reason, 1, (_, n) => n + 1);
        }
    }

    public override string ToString()
    {
        var statuses = string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        var reasons = string.Join(", ", _reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"));
        return $"{endpoint}: {_cases} cases ({statuses}{(reasons.Length > 0 ? $"; 400 reasons: {reasons}" : "")})";
    }
}
