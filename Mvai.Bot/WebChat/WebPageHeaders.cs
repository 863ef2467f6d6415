using Microsoft.Extensions.Options;

namespace Mvai.Bot.WebChat;

/// <summary>
/// Security headers on everything the app serves: no type sniffing and no referrer on every response; a
/// Content-Security-Policy on every HTML page that has none of its own (the advisor console sets a stricter one);
/// and the files other sites load (<c>/embed.js</c>, Web Chat in <c>/lib/</c>) marked as loadable across origins.
/// </summary>
internal static class WebPageHeaders
{
    public static IApplicationBuilder UseWebPageHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            Apply(http);
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>
    /// The chat page's policy. Scripts only from our own files. Styles also inline: Web Chat's styling library writes
    /// its rules into &lt;style&gt; elements. Connections to ourselves (also by WebSocket) and, when tokens come from
    /// Azure, to its Direct Line. Only our own pages and the sites allowed to embed the chat may frame it; the IACP
    /// site embeds by script tag (<c>/embed.js</c>), which a page's frame-ancestors does not affect.
    /// </summary>
    public static string ChatPagePolicy(HttpRequest request, WebChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var connect = new List<string> { "'self'", $"ws://{request.Host}", $"wss://{request.Host}" };
        if (!string.IsNullOrEmpty(options.DirectLineSecret))
        {
            var azure = options.DirectLineEndpoint.GetLeftPart(UriPartial.Authority);
            connect.Add(azure);
            connect.Add("wss://" + options.DirectLineEndpoint.Authority);
        }
        var ancestors = options.AllowedOrigins.Select(WebChatOrigins.Normalize).OfType<string>().Prepend("'self'").Distinct(StringComparer.Ordinal);
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
            "font-src 'self' data:; media-src 'self' data: blob:; " +
            $"connect-src {string.Join(' ', connect)}; base-uri 'none'; form-action 'self'; object-src 'none'; " +
            $"frame-ancestors {string.Join(' ', ancestors)}";
    }

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!headers.ContainsKey("Referrer-Policy"))
        {
            headers["Referrer-Policy"] = "no-referrer";
        }
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && !headers.ContainsKey("Content-Security-Policy"))
        {
            headers.ContentSecurityPolicy = ChatPagePolicy(http.Request, http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value);
        }
        var path = http.Request.Path;
        if (path.Equals("/embed.js", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase))
        {
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }
    }
}
