using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// How many sign-in attempts (session or Basic) may run per minute, per client address and per account id. Each one
/// costs a PBKDF2 hash (about 190 ms of CPU at 600,000 iterations), so without a limit a few clients could take every
/// core. Unknown ids are limited exactly like known ones, so a 429 tells nobody which accounts exist.
/// </summary>
internal sealed class AdvisorSignInLimits : IDisposable
{
    /// <summary>Longer ids are cut to this for their partition key, so made-up ids cannot grow the limiter's keys without bound.</summary>
    private const int MaxAccountKeyLength = 64;

    private readonly PartitionedRateLimiter<SignInAttempt> _limiter;

    public AdvisorSignInLimits(IOptions<AdvisorConsoleOptions> options)
    {
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<SignInAttempt, string>(
                attempt => PerMinuteLimit.For("address:" + attempt.Address, settings.SignInAttemptsPerMinute)),
            PartitionedRateLimiter.Create<SignInAttempt, string>(
                attempt => PerMinuteLimit.For("account:" + attempt.Account, settings.AccountSignInAttemptsPerMinute)));
    }

    /// <summary>Null when the attempt may run; otherwise how long the caller should wait.</summary>
    public TimeSpan? TryStart(IPAddress? client, string? accountId)
    {
        var account = (accountId ?? string.Empty).Trim().ToUpperInvariant();
        using var lease = _limiter.AttemptAcquire(new SignInAttempt(
            AdvisorClientAddress.Key(client), account.Length > MaxAccountKeyLength ? account[..MaxAccountKeyLength] : account));
        return lease.IsAcquired ? null : RetryAfterRejection.WaitOf(lease, TimeSpan.FromMinutes(1));
    }

    public void Dispose() => _limiter.Dispose();

    private sealed record SignInAttempt(string Address, string Account);
}
