using Microsoft.AspNetCore.StaticFiles;

namespace Mvai.Bot.Handoff.Console;

/// <summary>
/// Security headers for the console page and its files: scripts and styles only from our own files (no inline
/// code), never framed, no referrer, no type sniffing, and not cached, so a signed-out browser keeps no copy.
/// </summary>
internal static class AdvisorPageHeaders
{
    public const string PagePath = "/advisor";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static Action<StaticFileResponseContext> Chain(Action<StaticFileResponseContext>? previous) => context =>
    {
        previous?.Invoke(context);
        if (context.Context.Request.Path.StartsWithSegments(PagePath, StringComparison.OrdinalIgnoreCase))
        {
            Apply(context.Context.Response.Headers);
        }
    };

    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }
}
