namespace Mvai.Bot;

/// <summary>Start-up log events (1-99).</summary>
internal static partial class AppLog
{
    [LoggerMessage(1, LogLevel.Warning, "MicrosoftAppId is empty: local development mode. Unauthenticated requests are accepted from loopback addresses only; requests from other addresses get 401.")]
    public static partial void DevelopmentMode(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Warmed up before listening: {Turns} synthetic turns ({Failures} not answered 200) in {ElapsedMs} ms, in a throwaway copy of the app.")]
    public static partial void WarmedUp(ILogger logger, int turns, int failures, long elapsedMs);

    [LoggerMessage(3, LogLevel.Information, "Start-up warm-up skipped: {Reason}.")]
    public static partial void WarmUpSkipped(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Start-up warm-up failed ({ExceptionType}) after {ElapsedMs} ms; the app starts cold.")]
    public static partial void WarmUpFailed(ILogger logger, string exceptionType, long elapsedMs);
}
