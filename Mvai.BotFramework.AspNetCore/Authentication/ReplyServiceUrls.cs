namespace Mvai.BotFramework.Authentication;

/// <summary>
/// Where an Entra-authenticated activity may ask replies to go. Replies carry the bot's Connector token, and an Entra
/// token (unlike a channel token) names no service URL, so without this check its holder could have them sent anywhere:
/// only Bot Framework's own hosts over HTTPS and the origins in <see cref="BotAuthenticationOptions.AllowedServiceUrls"/>.
/// </summary>
internal sealed class ReplyServiceUrls(BotAuthenticationOptions options)
{
    /// <summary>Hosts that are Bot Framework's, with their subdomains (public and US government clouds).</summary>
    private static readonly string[] BotFrameworkDomains = ["botframework.com", "botframework.us", "botframework.azure.us"];

    /// <summary>Teams' Connector hosts that are not under a Bot Framework domain.</summary>
    private static readonly string[] TeamsConnectorHosts = ["smba.trafficmanager.net", "smba.infra.gov.teams.microsoft.us"];

    private readonly string[] _configured = [.. options.AllowedServiceUrls.Select(Origin).OfType<string>()];

    /// <summary>True for no service URL (nothing is sent: expectReplies) and for allowed ones.</summary>
    public bool IsAllowed(string? serviceUrl)
    {
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return true;
        }
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }
        if (_configured.Contains(Origin(serviceUrl), StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        var host = uri.IdnHost;
        return uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort
            && (TeamsConnectorHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
                || BotFrameworkDomains.Any(domain => host.Equals(domain, StringComparison.OrdinalIgnoreCase)
                    || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)));
    }

    private static string? Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
