namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Sends one delivery over one channel; throws on any failure so the outbox retries it.</summary>
internal interface IAlertSender
{
    string Channel { get; }

    Task SendAsync(AlertDelivery delivery, CancellationToken cancellationToken);
}
