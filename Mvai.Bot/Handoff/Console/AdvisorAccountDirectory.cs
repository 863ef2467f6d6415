using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Checks self-hosted advisor accounts. Failed attempts are slowed down, and after too many an account is
/// paused for a while, so guessing a secret online is impractical. Unknown ids cost the same hashing time as
/// known ones, so response times do not tell which accounts exist.
/// </summary>
internal sealed class AdvisorAccountDirectory
{
    private readonly AdvisorConsoleOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AdvisorAccountDirectory> _logger;
    private readonly ConcurrentDictionary<string, FailedSignIns> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> _decoyHash;

    public AdvisorAccountDirectory(IOptions<AdvisorConsoleOptions> options, TimeProvider clock, ILogger<AdvisorAccountDirectory> logger)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _decoyHash = new(() => AdvisorSecretHash.Create(Guid.NewGuid().ToString("N"),
            _options.Accounts.Select(a => AdvisorSecretHash.IterationsOf(a.SecretHash)).DefaultIfEmpty(AdvisorSecretHash.MinimumIterations).Max()));
    }

    /// <summary>The advisor, or null for an unknown id, a wrong secret or a paused account (callers cannot tell which).</summary>
    public async Task<AdvisorIdentity?> SignInAsync(string? id, string? secret, string method, CancellationToken cancellationToken)
    {
        var account = FindAccount(id);
        var now = _clock.GetUtcNow();
        var paused = account is not null && _failures.TryGetValue(account.Id, out var failures) && failures.LockedUntil > now;
        var matches = AdvisorSecretHash.Verify(secret ?? string.Empty, account?.SecretHash ?? _decoyHash.Value);
        if (account is not null && matches && !paused && !string.IsNullOrEmpty(secret))
        {
            _failures.TryRemove(account.Id, out _);
            return new AdvisorIdentity(account.Id.Trim(), account.DisplayName);
        }
        if (account is not null && !paused)
        {
            RecordFailure(account.Id, now);
        }
        AdvisorConsoleLog.SignInFailed(_logger, method);
        await Task.Delay(_options.FailedSignInDelay, _clock, cancellationToken);
        return null;
    }

    public bool Exists(string advisorId) => FindAccount(advisorId) is not null;

    /// <summary>The display name the console shows for an advisor id (ids of Entra users show as they are).</summary>
    public string DisplayNameOf(string advisorId) =>
        FindAccount(advisorId)?.DisplayName ?? advisorId;

    private AdvisorAccount? FindAccount(string? id) =>
        _options.Accounts.FirstOrDefault(a => string.Equals(a.Id.Trim(), id?.Trim(), StringComparison.OrdinalIgnoreCase));

    private void RecordFailure(string accountId, DateTimeOffset now)
    {
        var updated = _failures.AddOrUpdate(accountId,
            _ => new FailedSignIns(1, now, null),
            (_, old) => now - old.Last > _options.LockoutDuration ? new FailedSignIns(1, now, null) : old with { Count = old.Count + 1, Last = now });
        if (updated.Count >= _options.MaxFailedSignIns)
        {
            _failures[accountId] = new FailedSignIns(0, now, now + _options.LockoutDuration);
            AdvisorConsoleLog.LockedOut(_logger, _options.LockoutDuration, updated.Count);
        }
    }

    private sealed record FailedSignIns(int Count, DateTimeOffset Last, DateTimeOffset? LockedUntil);
}
