using Microsoft.Extensions.Options;

namespace Mvai.Bot.WebChat;

/// <summary>
/// <c>POST /api/directline/token</c>: the page's way to a Direct Line token, so no secret ever reaches the
/// browser. Each call starts a conversation for a fresh anonymous user id. Pages from other origins must be
/// listed in <see cref="WebChatOptions.AllowedOrigins"/>; calls are rate limited per client IP address.
/// </summary>
internal static class WebChatTokenEndpoint
{
    public const string Route = "/api/directline/token";

    public static IEndpointRouteBuilder MapWebChatToken(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, IssueAsync)
            .RequireCors(WebChatServiceCollectionExtensions.TokenCorsPolicy)
            .RequireRateLimiting(WebChatServiceCollectionExtensions.TokenRateLimitPolicy);
        return endpoints;
    }

    private static async Task IssueAsync(
        HttpContext http, IWebChatTokenSource tokens, IOptions<WebChatOptions> options, ILogger<WebChatToken> logger)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!WebChatOrigins.MayRequestToken(http.Request, options.Value))
        {
            WebChatLog.OriginRefused(logger);
            await WriteErrorAsync(http, StatusCodes.Status403Forbidden, "This site may not embed the MVAI Assistant.");
            return;
        }
        // Web Chat warns about ids starting with "dl_", so ours never do.
        var userId = $"user-{Guid.NewGuid():N}";
        try
        {
            var token = await tokens.StartAsync(userId, TrustedOrigins(http.Request, options.Value), http.Request, http.RequestAborted);
            await http.Response.WriteAsJsonAsync(token, WebChatJson.Default.WebChatToken, cancellationToken: http.RequestAborted);
        }
        catch (DirectLineUnavailableException)
        {
            await WriteErrorAsync(http, StatusCodes.Status502BadGateway, "The chat service is unavailable right now. Please try again later.");
        }
    }

    /// <summary>The configured origins plus the calling page's own, so the token works where it was asked for.</summary>
    private static string[] TrustedOrigins(HttpRequest request, WebChatOptions options) =>
        options.AllowedOrigins.Append(request.Headers.Origin.ToString())
            .Select(WebChatOrigins.Normalize)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static Task WriteErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new WebChatError(message), WebChatJson.Default.WebChatError, cancellationToken: http.RequestAborted);
    }
}
