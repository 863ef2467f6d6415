namespace Mvai.Bot.WebChat;

/// <summary>Where page tokens come from: Azure's Direct Line (secret configured) or the embedded one.</summary>
internal interface IWebChatTokenSource
{
    /// <summary>A token for a new conversation of <paramref name="userId"/>, usable from <paramref name="trustedOrigins"/>.</summary>
    Task<WebChatToken> StartAsync(string userId, IReadOnlyList<string> trustedOrigins, HttpRequest request, CancellationToken cancellationToken);
}
