using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.BotFramework.DirectLine;

/// <summary><c>POST /conversations</c> (start, 201) and <c>GET /conversations/{id}</c> (reconnect with a fresh stream URL).</summary>
internal static class DirectLineConversationEndpoints
{
    public static async Task StartAsync(
        HttpContext http, DirectLineAuthorizer authorizer, DirectLineConversations conversations, IOptions<BotHostingOptions> hosting)
    {
        var caller = await authorizer.AuthorizeAsync(http, loopbackWithoutSecret: true);
        if (!caller.Succeeded)
        {
            await DirectLineHttp.RejectAsync(http, caller);
            return;
        }
        // The body ({user:{id}, locale}) is optional and only checked for well-formedness.
        var (ok, _) = await DirectLineHttp.ReadJsonAsync(http, DirectLineJson.Default.TokenRequest, hosting.Value.MaxActivityBytes);
        if (!ok)
        {
            return;
        }
        var token = caller.Token ?? await conversations.StartAsync(userId: null, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await WriteAsync(http, token, watermark: null);
    }

    public static async Task GetAsync(
        HttpContext http, string conversationId, DirectLineAuthorizer authorizer, DirectLineTokenService tokens, IActivityLog log)
    {
        var caller = await ScopedCallerAsync(http, conversationId, authorizer, log);
        if (caller is null)
        {
            return;
        }
        var token = caller.Token ?? tokens.Issue(conversationId, userId: null);
        await WriteAsync(http, token, http.Request.Query["watermark"].ToString());
    }

    /// <summary>The caller when it may use the conversation and the conversation exists; otherwise answers 401/403/404.</summary>
    public static async Task<DirectLineCaller?> ScopedCallerAsync(
        HttpContext http, string conversationId, DirectLineAuthorizer authorizer, IActivityLog log, string? credential = null)
    {
        var caller = await authorizer.AuthorizeAsync(http, loopbackWithoutSecret: false, credential);
        if (!caller.Succeeded)
        {
            await DirectLineHttp.RejectAsync(http, caller);
            return null;
        }
        if (!caller.MayUse(conversationId))
        {
            await DirectLineHttp.ErrorAsync(http, 403, "TokenNotValidForConversation", "The token is not valid for this conversation.");
            return null;
        }
        if (!await log.ConversationExistsAsync(conversationId, http.RequestAborted))
        {
            await DirectLineHttp.ErrorAsync(http, 404, "NotFound", "Conversation not found.");
            return null;
        }
        return caller;
    }

    private static Task WriteAsync(HttpContext http, DirectLineToken token, string? watermark) =>
        http.Response.WriteAsJsonAsync(
            new ConversationInfo(token.ConversationId, token.Value, token.ExpiresIn,
                DirectLineHttp.StreamUrl(http.Request, token.ConversationId, token.Value, watermark)),
            DirectLineJson.Default.ConversationInfo,
            cancellationToken: http.RequestAborted);
}
