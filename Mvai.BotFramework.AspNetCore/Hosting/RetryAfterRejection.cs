using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Mvai.BotFramework.Hosting;

/// <summary>The 429 answer every rate limit of the app shares: <c>Retry-After</c> in whole seconds, at least 1.</summary>
public static class RetryAfterRejection
{
    /// <summary>
    /// Answers the rejections of the requests <paramref name="owns"/> picks with 429 and <c>Retry-After</c>, then logs them;
    /// the limiter has a single rejection callback, so the one set before keeps answering everyone else's.
    /// </summary>
    public static void AnswerRejections(this RateLimiterOptions limiter, Func<HttpRequest, bool> owns, Action<HttpContext> log)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        var others = limiter.OnRejected;
        limiter.OnRejected = (context, cancellationToken) =>
        {
            if (!owns(context.HttpContext.Request))
            {
                return others?.Invoke(context, cancellationToken) ?? ValueTask.CompletedTask;
            }
            SetRetryAfter(context, TimeSpan.FromMinutes(1));
            log(context.HttpContext);
            return ValueTask.CompletedTask;
        };
    }

    /// <summary>How long a refused <paramref name="lease"/> says to wait, else <paramref name="fallback"/>.</summary>
    public static TimeSpan WaitOf(RateLimitLease lease, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallback;
    }

    /// <summary>Sets <c>Retry-After</c> to <paramref name="wait"/> in whole seconds, at least 1.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static void SetRetryAfter(OnRejectedContext context, TimeSpan fallback) =>
        SetRetryAfter(context.HttpContext.Response, WaitOf(context.Lease, fallback));
}
