namespace Mvai.Bot.Handoff.Alerts;

/// <summary>One outbox row claimed for sending: the alert, its channel and (for e-mail) the recipient; <see cref="Attempt"/> counts this one.</summary>
internal sealed record AlertDelivery(long Id, string AlertId, string Channel, string Recipient, int Attempt, AdvisorAlert Alert);

/// <summary>A delivery to store with its alert.</summary>
internal sealed record NewAlertDelivery(string Channel, string Recipient);

/// <summary>Where one delivery stands, for the console and tests; holds no recipient.</summary>
internal sealed record AlertDeliveryStatus(string Channel, int Attempts, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt, string? LastError);
