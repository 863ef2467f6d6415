using Microsoft.Identity.Client;

namespace Mvai.BotFramework.Authentication;

/// <summary>
/// Gives MSAL its HttpClient from <see cref="IHttpClientFactory"/> (named client <c>MsalClient</c>), so
/// handlers are pooled, DNS changes are seen, and tests can route the token endpoint to a loopback fake.
/// </summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "MsalClient";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
