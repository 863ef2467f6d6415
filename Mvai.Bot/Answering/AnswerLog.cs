namespace Mvai.Bot.Answering;

/// <summary>Log events of answers and their feedback (1500-1599): answer ids, reactions and reasons; never questions or feedback text.</summary>
internal static partial class AnswerLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Information, Message = "Feedback {Reaction} stored for answer {AnswerId} ({Channel})")]
    public static partial void FeedbackStored(ILogger logger, string reaction, string answerId, string? channel);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Feedback for an answer this conversation was not sent was ignored ({Channel})")]
    public static partial void FeedbackForUnknownAnswer(ILogger logger, string? channel);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "A malformed feedback payload was refused ({Channel}): {Reason}")]
    public static partial void FeedbackMalformed(ILogger logger, string? channel, string reason);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "The channel refused to stream an answer ({Status}); it is sent whole")]
    public static partial void StreamingRefused(ILogger logger, int status);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Information, Message = "The content-gap report was read ({Rows} rows, {Format})")]
    public static partial void GapReportRead(ILogger logger, int rows, string format);
}
