namespace Mvai.BotFramework.DirectLine;

/// <summary>Log events of the embedded Direct Line (1200-1299). Never includes message text or user names.</summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(1200, LogLevel.Information, "Direct Line conversation {ConversationId} started.")]
    public static partial void ConversationStarted(ILogger logger, string conversationId);

    [LoggerMessage(1201, LogLevel.Information, "Rejected a Direct Line request to {Path}: {Status} {Code}.")]
    public static partial void RequestRejected(ILogger logger, string path, int status, string code);

    [LoggerMessage(1202, LogLevel.Debug, "Direct Line stream opened for conversation {ConversationId}.")]
    public static partial void StreamOpened(ILogger logger, string conversationId);

    [LoggerMessage(1203, LogLevel.Debug, "Direct Line stream closed for conversation {ConversationId}.")]
    public static partial void StreamClosed(ILogger logger, string conversationId);

    [LoggerMessage(1204, LogLevel.Warning, "Direct Line stream for conversation {ConversationId} failed.")]
    public static partial void StreamFailed(ILogger logger, Exception exception, string conversationId);

    [LoggerMessage(1205, LogLevel.Information, "Direct Line has no Secret configured: tokens and conversations are issued to loopback callers only.")]
    public static partial void NoSecretConfigured(ILogger logger);

    [LoggerMessage(1206, LogLevel.Warning, "Direct Line could not relay wake-ups between instances ({Error}); streams fall back to re-reading the log.")]
    public static partial void RelayFailed(ILogger logger, string error);

    [LoggerMessage(1207, LogLevel.Warning, "Rate limited a Direct Line request to {Path}.")]
    public static partial void RateLimited(ILogger logger, string path);
}
