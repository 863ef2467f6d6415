namespace Mvai.Bot.Tests.Authentication.Fakes;

/// <summary>
/// Sends requests for one https host to a loopback http server instead. MSAL only accepts https
/// authorities, so the bot keeps the real authority and the test reroutes its "MsalClient" HttpClient.
/// </summary>
public sealed class LoopbackRedirectHandler(string fromHost, Uri to) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && string.Equals(uri.Host, fromHost, StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new Uri(to, uri.PathAndQuery);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
