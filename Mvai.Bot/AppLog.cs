namespace Mvai.Bot;

/// <summary>Start-up log events (1-99).</summary>
internal static partial class AppLog
{
    [LoggerMessage(1, LogLevel.Warning, "MicrosoftAppId is empty: local development mode. Unauthenticated requests are accepted from loopback addresses only; requests from other addresses get 401.")]
    public static partial void DevelopmentMode(ILogger logger);
}
