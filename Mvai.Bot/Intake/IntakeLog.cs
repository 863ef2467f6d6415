namespace Mvai.Bot.Intake;

/// <summary>What the intake logs: references and error types, never an answer.</summary>
internal static partial class IntakeLog
{
    [LoggerMessage(3400, LogLevel.Warning, "Request {Reference} is stored, but telling the request desk failed ({Error}); it catches up on its next sweep")]
    public static partial void ObserverFailed(ILogger logger, string reference, string error);
}
