namespace Mvai.Bot.WebChat;

/// <summary>Log events of the Web Chat token endpoint (1300-1399). No user ids, tokens or secrets.</summary>
internal static partial class WebChatLog
{
    [LoggerMessage(1300, LogLevel.Warning, "Azure Direct Line refused a token request with status {Status}.")]
    public static partial void DirectLineRefused(ILogger logger, int status);

    [LoggerMessage(1301, LogLevel.Warning, "Azure Direct Line answered a token request without a token or conversation id.")]
    public static partial void DirectLineAnsweredWithoutToken(ILogger logger);

    [LoggerMessage(1302, LogLevel.Warning, "Azure Direct Line could not be reached for a token ({Failure}).")]
    public static partial void DirectLineUnreachable(ILogger logger, string failure);

    [LoggerMessage(1303, LogLevel.Information, "Refused a Web Chat token to a page from an origin that is not allowed.")]
    public static partial void OriginRefused(ILogger logger);

    [LoggerMessage(1304, LogLevel.Information, "Web Chat token rate limit reached for a client.")]
    public static partial void RateLimited(ILogger logger);
}
