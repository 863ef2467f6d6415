namespace Mvai.Bot.Intake.Prefill;

/// <summary>What the prefill logs: counts and failure kinds only, never the message or the values read from it.</summary>
internal static partial class IntakePrefillLog
{
    [LoggerMessage(3300, LogLevel.Information, "Model prefill read {Accepted} field(s) and rejected {Rejected} invalid one(s)")]
    public static partial void ModelPrefillRead(ILogger logger, int accepted, int rejected);

    [LoggerMessage(3301, LogLevel.Warning, "Model prefill unavailable ({Reason}); the first message was read by the rules only")]
    public static partial void ModelPrefillFailed(ILogger logger, string reason);
}
