namespace Mvai.Bot.Handoff;

/// <summary>Handoff log lines: case ids and reasons only, never what anyone wrote or who they are.</summary>
internal static partial class HandoffLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Handoff {CaseId} queued ({Reason}) from {Channel}")]
    public static partial void Queued(ILogger logger, string caseId, HandoffReason reason, string channel);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Handoff {CaseId} claimed")]
    public static partial void Claimed(ILogger logger, string caseId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Handoff {CaseId} closed")]
    public static partial void Closed(ILogger logger, string caseId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Handoff {CaseId}: could not reach the user's channel ({Error}); the message is stored")]
    public static partial void DeliveryFailed(ILogger logger, string caseId, string error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Handoff {CaseId}: on-call advisor alerted ({Why})")]
    public static partial void OnCallAlerted(ILogger logger, string caseId, string why);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Checking the advisor queue for unclaimed handoffs failed ({Error}); retrying")]
    public static partial void WatchFailed(ILogger logger, string error);
}
