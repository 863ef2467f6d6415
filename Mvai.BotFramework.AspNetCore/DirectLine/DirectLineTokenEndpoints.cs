using Microsoft.Extensions.Options;
using Mvai.BotFramework.Hosting;

namespace Mvai.BotFramework.DirectLine;

/// <summary><c>POST /tokens/generate</c> (secret, or loopback without one) and <c>POST /tokens/refresh</c> (token).</summary>
internal static class DirectLineTokenEndpoints
{
    public static async Task GenerateAsync(
        HttpContext http, DirectLineAuthorizer authorizer, DirectLineConversations conversations, IOptions<BotHostingOptions> hosting)
    {
        var caller = await authorizer.AuthorizeAsync(http, loopbackWithoutSecret: true);
        if (!caller.Succeeded || !caller.HasSecret)
        {
            await DirectLineHttp.RejectAsync(http, caller.Succeeded ? DirectLineCaller.Fail(403, "SecretRequired") : caller);
            return;
        }
        var (ok, request) = await DirectLineHttp.ReadJsonAsync(http, DirectLineJson.Default.TokenRequest, hosting.Value.MaxActivityBytes);
        if (!ok)
        {
            return;
        }
        var userId = request?.User?.Id;
        if (userId is not null && (userId.Length > 256 || userId.StartsWith("dl_", StringComparison.Ordinal)))
        {
            await DirectLineHttp.ErrorAsync(http, 400, "BadArgument", "user.id must be at most 256 characters and must not start with 'dl_'.");
            return;
        }
        var token = await conversations.StartAsync(userId, http.RequestAborted);
        await WriteAsync(http, token);
    }

    public static async Task RefreshAsync(HttpContext http, DirectLineAuthorizer authorizer, DirectLineTokenService tokens)
    {
        var caller = await authorizer.AuthorizeAsync(http, loopbackWithoutSecret: false);
        if (!caller.Succeeded || caller.Token is null)
        {
            await DirectLineHttp.RejectAsync(http, caller.Succeeded ? DirectLineCaller.Fail(403, "TokenRequired") : caller);
            return;
        }
        await WriteAsync(http, tokens.Issue(caller.Token.ConversationId, caller.Token.UserId));
    }

    private static Task WriteAsync(HttpContext http, DirectLineToken token) =>
        http.Response.WriteAsJsonAsync(
            new ConversationInfo(token.ConversationId, token.Value, token.ExpiresIn),
            DirectLineJson.Default.ConversationInfo,
            cancellationToken: http.RequestAborted);
}
