using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.WebChat;

/// <summary>
/// Exchanges the Azure Direct Line secret for a conversation token bound to the user id and the trusted
/// origins (<c>POST /v3/directline/tokens/generate</c>). Failures become <see cref="DirectLineUnavailableException"/>
/// so the page gets a 502 without Azure's details.
/// </summary>
internal sealed class AzureDirectLineTokenSource(
    IHttpClientFactory httpClients, IOptions<WebChatOptions> options, ILogger<AzureDirectLineTokenSource> logger) : IWebChatTokenSource
{
    public const string HttpClientName = "AzureDirectLine";

    public async Task<WebChatToken> StartAsync(
        string userId, IReadOnlyList<string> trustedOrigins, HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var domain = new Uri(settings.DirectLineEndpoint, "/v3/directline").ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.DirectLineTimeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, domain + "/tokens/generate")
        {
            Content = JsonContent.Create(
                new AzureTokenRequest(new AzureTokenUser(userId), trustedOrigins), WebChatJson.Default.AzureTokenRequest),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.DirectLineSecret);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(message, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                WebChatLog.DirectLineRefused(logger, (int)response.StatusCode);
                throw new DirectLineUnavailableException();
            }
            var body = await response.Content.ReadFromJsonAsync(WebChatJson.Default.AzureTokenResponse, timeout.Token);
            if (body?.Token is not { Length: > 0 } token || body.ConversationId is not { Length: > 0 } conversationId)
            {
                WebChatLog.DirectLineAnsweredWithoutToken(logger);
                throw new DirectLineUnavailableException();
            }
            return new WebChatToken(token, conversationId, userId, body.ExpiresIn, domain);
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            WebChatLog.DirectLineUnreachable(logger, exception.GetType().Name);
            throw new DirectLineUnavailableException();
        }
    }
}
