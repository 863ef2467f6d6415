using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mvai.Bot.BotFramework.Hosting;

/// <summary>The 429 answer every rate limit of the app shares: <c>Retry-After</c> in whole seconds, at least 1.</summary>
public static class RetryAfterRejection
{
    public static void SetRetryAfter(OnRejectedContext context, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallback;
        context.HttpContext.Response.Headers.RetryAfter =
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
