using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// Rate limits of the public Direct Line API: new conversations per client IP address, and activities per
/// conversation. Defaults sit far above what a person typing can reach; they stop scripts, not users.
/// </summary>
internal static class DirectLineRateLimits
{
    public const string ConversationsPolicy = "DirectLineConversations";
    public const string ActivitiesPolicy = "DirectLineActivities";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DirectLineOptions>>((limiter, directLine) =>
        {
            limiter.AddPolicy(ConversationsPolicy, http => PerMinuteLimit.For(
                "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), directLine.Value.ConversationsPerMinute));
            // The route's conversation id, checked or not: a request for someone else's conversation fails its
            // authorization anyway, and counting it costs that conversation nothing it would have had.
            limiter.AddPolicy(ActivitiesPolicy, http => PerMinuteLimit.For(
                "conversation:" + (http.GetRouteValue("conversationId") as string ?? string.Empty), directLine.Value.ActivitiesPerMinute));
            limiter.AnswerRejections(
                request => request.Path.StartsWithSegments(DirectLineHttp.BasePath, StringComparison.OrdinalIgnoreCase),
                http => DirectLineLog.RateLimited(http.RequestServices.GetRequiredService<ILogger<DirectLineChannel>>(), http.Request.Path));
        });
        return services;
    }
}
