namespace Mvai.Bot.WebChat;

/// <summary>Which browser origins may ask for tokens: none given (not a browser, or same-origin GET), our own, or a configured one.</summary>
internal static class WebChatOrigins
{
    /// <summary>The normalised form (<c>scheme://host[:port]</c>, lower case) used for comparison; null when not an absolute http(s) URL.</summary>
    public static string? Normalize(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    public static bool IsConfigured(WebChatOptions options, string? origin)
    {
        var normalized = Normalize(origin);
        return normalized is not null && options.AllowedOrigins.Any(allowed => Normalize(allowed) == normalized);
    }

    /// <summary>
    /// True when the request carries no Origin, comes from the bot's own host, or from a configured origin.
    /// Our own host is compared by authority only: behind App Service's TLS front end the app sees http.
    /// </summary>
    public static bool MayRequestToken(HttpRequest request, WebChatOptions options)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        return (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            || IsConfigured(options, origin);
    }
}
