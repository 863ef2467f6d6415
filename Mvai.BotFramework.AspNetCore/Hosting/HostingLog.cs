namespace Mvai.BotFramework.Hosting;

/// <summary>Log events of the hosting layer (1000-1099). Never includes message text or user names.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(1000, LogLevel.Error, "Turn failed for a {ActivityType} activity on channel {ChannelId}; the conversation state was reset.")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? channelId);

    [LoggerMessage(1001, LogLevel.Warning, "Cleaning up after a failed turn did not complete.")]
    public static partial void TurnErrorCleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(1002, LogLevel.Information, "Ignored a repeated {ActivityType} activity on channel {ChannelId}.")]
    public static partial void DuplicateActivity(ILogger logger, string? activityType, string? channelId);

    [LoggerMessage(1003, LogLevel.Information, "Rejected a request to /api/messages: {Status} {Reason}.")]
    public static partial void RequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(1005, LogLevel.Error, "Storage unavailable: {Method} {Path} answered 503, retry after {RetryAfterSeconds} s ({Failure}).")]
    public static partial void StorageUnavailable(ILogger logger, string method, string path, string failure, int retryAfterSeconds);

    [LoggerMessage(1004, LogLevel.Error, "A request to {Endpoint} failed with an unhandled exception; answered 500.")]
    public static partial void UnhandledRequestException(ILogger logger, Exception exception, string endpoint);

    [LoggerMessage(1010, LogLevel.Warning, "A {ActivityType} turn on channel {ChannelId} overlapped another turn of its conversation that saved first; its changes were discarded and the user asked to repeat.")]
    public static partial void TurnOverlapped(ILogger logger, string? activityType, string? channelId);

}
