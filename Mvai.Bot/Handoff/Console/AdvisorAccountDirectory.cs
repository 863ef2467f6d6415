using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Console;

/// <summary>What a sign-in attempt came to: the advisor, nobody (unknown id, wrong secret, paused), or too many attempts.</summary>
/// <param name="Advisor">The advisor, or null; callers cannot tell an unknown id from a wrong secret or a pause.</param>
/// <param name="RetryAfter">Set when the attempt was refused by the sign-in limits, before any hashing.</param>
internal sealed record SignInResult(AdvisorIdentity? Advisor, TimeSpan? RetryAfter = null);

/// <summary>
/// Checks self-hosted advisor accounts. Attempts are rate limited (<see cref="AdvisorSignInLimits"/>; credentials that
/// signed in a moment ago are not checked again, <see cref="RecentSignIns"/>), failed ones are
/// slowed down, and after too many from one client address the account is paused for that address, so guessing a
/// secret online is impractical while someone who knows an advisor's id cannot lock the advisor out. Unknown ids cost
/// the same hashing time as known ones, so response times do not tell which accounts exist.
/// </summary>
internal sealed class AdvisorAccountDirectory
{
    /// <summary>Above this many tracked (account, address) pairs, the ones whose failures have expired are dropped.</summary>
    private const int PruneAbove = 10_000;

    private readonly AdvisorConsoleOptions _options;
    private readonly AdvisorSignInLimits _limits;
    private readonly RecentSignIns _recent;
    private readonly TimeProvider _clock;
    private readonly ILogger<AdvisorAccountDirectory> _logger;
    private readonly ConcurrentDictionary<string, FailedSignIns> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> _decoyHash;

    public AdvisorAccountDirectory(
        IOptions<AdvisorConsoleOptions> options, AdvisorSignInLimits limits, TimeProvider clock, ILogger<AdvisorAccountDirectory> logger)
    {
        _options = options.Value;
        _limits = limits;
        _recent = new RecentSignIns(clock);
        _clock = clock;
        _logger = logger;
        _decoyHash = new(() => AdvisorSecretHash.Create(Guid.NewGuid().ToString("N"),
            _options.Accounts.Select(a => AdvisorSecretHash.IterationsOf(a.SecretHash)).DefaultIfEmpty(AdvisorSecretHash.MinimumIterations).Max()));
    }

    public async Task<SignInResult> SignInAsync(string? id, string? secret, IPAddress? client, string method, CancellationToken cancellationToken)
    {
        if (secret is { Length: > 0 } && _recent.Find(id ?? string.Empty, secret) is { } recentId && FindAccount(recentId) is { } recent)
        {
            return new SignInResult(new AdvisorIdentity(recent.Id.Trim(), recent.DisplayName));
        }
        if (_limits.TryStart(client, id) is { } wait)
        {
            AdvisorConsoleLog.SignInRateLimited(_logger, method);
            return new SignInResult(null, wait);
        }
        var account = FindAccount(id);
        var failuresKey = account is null ? null : $"{account.Id.Trim()}|{AdvisorClientAddress.Key(client)}";
        var now = _clock.GetUtcNow();
        var paused = failuresKey is not null && _failures.TryGetValue(failuresKey, out var failures) && failures.LockedUntil > now;
        var matches = AdvisorSecretHash.Verify(secret ?? string.Empty, account?.SecretHash ?? _decoyHash.Value);
        if (account is not null && matches && !paused && !string.IsNullOrEmpty(secret))
        {
            _failures.TryRemove(failuresKey!, out _);
            _recent.Remember(id!, secret!, account.Id);
            return new SignInResult(new AdvisorIdentity(account.Id.Trim(), account.DisplayName));
        }
        if (failuresKey is not null && !paused)
        {
            RecordFailure(failuresKey, now);
        }
        AdvisorConsoleLog.SignInFailed(_logger, method);
        await Task.Delay(_options.FailedSignInDelay, _clock, cancellationToken);
        return new SignInResult(null);
    }

    public bool Exists(string advisorId) => FindAccount(advisorId) is not null;

    /// <summary>The display name the console shows for an advisor id (ids of Entra users show as they are).</summary>
    public string DisplayNameOf(string advisorId) =>
        FindAccount(advisorId)?.DisplayName ?? advisorId;

    private AdvisorAccount? FindAccount(string? id) =>
        _options.Accounts.FirstOrDefault(a => string.Equals(a.Id.Trim(), id?.Trim(), StringComparison.OrdinalIgnoreCase));

    private void RecordFailure(string key, DateTimeOffset now)
    {
        if (_failures.Count > PruneAbove)
        {
            foreach (var expired in _failures.Where(f => now - f.Value.Last > _options.LockoutDuration && !(f.Value.LockedUntil > now)))
            {
                _failures.TryRemove(expired);
            }
        }
        var updated = _failures.AddOrUpdate(key,
            _ => new FailedSignIns(1, now, null),
            (_, old) => now - old.Last > _options.LockoutDuration ? new FailedSignIns(1, now, null) : old with { Count = old.Count + 1, Last = now });
        if (updated.Count >= _options.MaxFailedSignIns)
        {
            _failures[key] = new FailedSignIns(0, now, now + _options.LockoutDuration);
            AdvisorConsoleLog.LockedOut(_logger, _options.LockoutDuration, updated.Count);
        }
    }

    private sealed record FailedSignIns(int Count, DateTimeOffset Last, DateTimeOffset? LockedUntil);
}
