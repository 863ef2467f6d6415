using Mvai.BotFramework.DirectLine;

namespace Mvai.Bot.WebChat;

/// <summary>Tokens from the Direct Line this app embeds; the page talks to <c>/v3/directline</c> on the bot's host.</summary>
internal sealed class EmbeddedWebChatTokenSource(DirectLineConversations conversations) : IWebChatTokenSource
{
    public async Task<WebChatToken> StartAsync(
        string userId, IReadOnlyList<string> trustedOrigins, HttpRequest request, CancellationToken cancellationToken)
    {
        var token = await conversations.StartAsync(userId, cancellationToken);
        var domain = $"{request.Scheme}://{request.Host}{request.PathBase}{DirectLineRoutes.BasePath}";
        return new WebChatToken(token.Value, token.ConversationId, userId, token.ExpiresIn, domain);
    }
}
