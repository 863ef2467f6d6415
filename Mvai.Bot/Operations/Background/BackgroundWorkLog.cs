namespace Mvai.Bot.Operations.Background;

internal static partial class BackgroundWorkLog
{
    [LoggerMessage(1600, LogLevel.Error, "Background work '{Name}' failed")]
    public static partial void WorkFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(1601, LogLevel.Warning, "Background work '{Name}' was abandoned: the app's shutdown timeout ran out")]
    public static partial void WorkAbandoned(ILogger logger, string name);
}
