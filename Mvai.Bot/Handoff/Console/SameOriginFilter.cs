namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Against cross-site request forgery: a browser sends the session cookie with any request to us, so a change
/// made with the cookie must carry the console's own header (which another site cannot set without a CORS
/// preflight we never grant), and an Origin, when sent, must be ours. Scripts with an Authorization header
/// are not at risk: browsers never add that header on their own.
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
        if (request.Headers.Authorization.Count == 0)
        {
            if (!string.Equals(request.Headers[HeaderName], HeaderValue, StringComparison.Ordinal))
            {
                return Refuse($"no {HeaderName} header");
            }
            var origin = request.Headers.Origin.ToString();
            if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse("cross-origin request");
            }
        }
        return await next(context);
    }

    private IResult Refuse(string reason)
    {
        AdvisorConsoleLog.CrossSiteRefused(logger, reason);
        return Results.Json(new ConsoleError("This request must come from the advisor console page."),
            AdvisorConsoleJson.Default.ConsoleError, statusCode: StatusCodes.Status403Forbidden);
    }
}
