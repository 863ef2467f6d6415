namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Log events of advisor alerts (2400-2449): case id, channel, attempt and outcome; never recipients or details.</summary>
internal static partial class AlertsLog
{
    [LoggerMessage(2400, LogLevel.Information, "Alert for case {CaseId} stored with {Deliveries} deliveries")]
    public static partial void Enqueued(ILogger logger, string caseId, int deliveries);

    [LoggerMessage(2401, LogLevel.Warning, "No alert channel is configured (Handoff:Alerts:Smtp:Host and Handoff:Alerts:WebhookUrl are empty): alerts are stored but nobody is notified")]
    public static partial void NoChannel(ILogger logger);

    [LoggerMessage(2402, LogLevel.Warning, "Alert for case {CaseId}: nobody to e-mail (no on-call advisor, no default contact, no always-copy address)")]
    public static partial void NoEmailRecipient(ILogger logger, string caseId);

    [LoggerMessage(2403, LogLevel.Information, "Alert for case {CaseId} delivered by {Channel} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string caseId, string channel, int attempt);

    [LoggerMessage(2404, LogLevel.Warning, "Alert for case {CaseId} by {Channel} failed on attempt {Attempt} ({Error}); next attempt at {NextAttemptAt:O}")]
    public static partial void DeliveryFailed(ILogger logger, string caseId, string channel, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(2405, LogLevel.Error, "The alert dispatcher could not read or update the outbox; it tries again at the next poll")]
    public static partial void OutboxUnavailable(ILogger logger, Exception exception);
}
