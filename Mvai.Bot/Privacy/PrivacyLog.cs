namespace Mvai.Bot.Privacy;

/// <summary>Log events of retention and data requests (3200-3249): counts and references only, never contents or names.</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(3200, LogLevel.Information,
        "Retention purge: {Requests} request(s), {Cases} handoff case(s), {Transcript} transcript and {DirectLine} Direct Line activities, {Alerts} alert deliveries, {States} idle state(s)")]
    public static partial void Purged(ILogger logger, int requests, int cases, int transcript, int directLine, int alerts, int states);

    [LoggerMessage(3201, LogLevel.Warning, "Retention purge failed; it runs again at the next interval")]
    public static partial void PurgeFailed(ILogger logger, Exception exception);

    [LoggerMessage(3202, LogLevel.Warning, "Retention is disabled (Retention:Enabled=false): personal data is kept until deleted on demand")]
    public static partial void RetentionDisabled(ILogger logger);

    [LoggerMessage(3203, LogLevel.Information, "Request {Reference} exported by an advisor")]
    public static partial void Exported(ILogger logger, string reference);

    [LoggerMessage(3204, LogLevel.Information, "Request {Reference} deleted by an advisor with {Cases} handoff case(s) and {Transcript} transcript activities")]
    public static partial void Deleted(ILogger logger, string reference, int cases, int transcript);
}
