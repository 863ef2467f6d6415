using Mvai.Bot.BotFramework.DirectLine;

namespace Mvai.Bot.WebChat;

/// <summary>
/// <c>POST /api/directline/token</c>: the page's same-origin way to a Direct Line token, so no secret
/// ever reaches the browser. Each call starts a conversation for a fresh anonymous user id.
/// </summary>
internal static class WebChatTokenEndpoint
{
    public const string Route = "/api/directline/token";

    public static IEndpointRouteBuilder MapWebChatToken(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, IssueAsync);
        return endpoints;
    }

    private static async Task IssueAsync(HttpContext http, DirectLineConversations conversations)
    {
        // Web Chat warns about ids starting with "dl_", so ours never do.
        var userId = $"user-{Guid.NewGuid():N}";
        var token = await conversations.StartAsync(userId, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsJsonAsync(
            new WebChatToken(token.Value, token.ConversationId, userId, token.ExpiresIn),
            WebChatJson.Default.WebChatToken,
            cancellationToken: http.RequestAborted);
    }
}

