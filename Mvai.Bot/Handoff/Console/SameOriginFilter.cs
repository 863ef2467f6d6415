using System.Net.Http.Headers;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Against cross-site request forgery: a browser sends the session cookie, and Basic credentials it has cached, with
/// any request to us. So a change must carry the console's own header (which another site cannot set without a CORS
/// preflight we never grant), and must not come from another site (Origin, Sec-Fetch-Site). Only Bearer tokens are
/// spared the header: browsers never attach those on their own.
/// </summary>
internal sealed class SameOriginFilter(ILogger<SameOriginFilter> logger) : IEndpointFilter
{
    public const string HeaderName = "X-Requested-With";
    public const string HeaderValue = "mvai-console";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (IsCrossSite(request))
        {
            return Refuse("cross-origin request");
        }
        if (!HasConsoleHeader(request) && !HasBearerToken(request))
        {
            return Refuse($"no {HeaderName} header");
        }
        return await next(context);
    }

    public static bool HasConsoleHeader(HttpRequest request) =>
        string.Equals(request.Headers[HeaderName], HeaderValue, StringComparison.Ordinal);

    private static bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // Sent by browsers only; "none" is the user's own navigation.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }

    private static bool HasBearerToken(HttpRequest request) =>
        AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    private IResult Refuse(string reason)
    {
        AdvisorConsoleLog.CrossSiteRefused(logger, reason);
        return Results.Json(new ConsoleError("This request must come from the advisor console page."),
            AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status403Forbidden);
    }
}
