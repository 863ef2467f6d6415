using System.Threading.RateLimiting;

namespace Mvai.BotFramework.Hosting;

/// <summary>The partition every rate limit of the app uses: a fixed one-minute window per key, nothing queued.</summary>
public static class PerMinuteLimit
{
    public static RateLimitPartition<string> For(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
