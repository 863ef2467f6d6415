using Microsoft.Extensions.Options;
using Mvai.Bot.Handoff.Hours;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// Resolves who to alert now (the on-call advisor at this moment unless the alert is only news for the team, plus the
/// always-copy addresses) and stores
/// one outbox delivery per recipient and channel before returning; the dispatcher sends them.
/// </summary>
internal sealed class AdvisorAlertOutbox(
    IAlertOutboxStore store,
    AdvisorSchedule schedule,
    AlertOutboxSignal signal,
    IOptions<AdvisorAlertsOptions> options,
    TimeProvider clock,
    ILogger<AdvisorAlertOutbox> logger) : IAdvisorAlerts
{
    private int _warnedNoChannel;

    public async Task EnqueueAsync(AdvisorAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.CaseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.Title);
        ArgumentNullException.ThrowIfNull(alert.Details);

        var now = clock.GetUtcNow();
        var deliveries = Deliveries(alert, now);
        await store.AddAsync(Guid.NewGuid().ToString("N"), alert, deliveries, now, cancellationToken);
        AlertsLog.Enqueued(logger, alert.CaseId, deliveries.Count);
        signal.Notify();
    }

    private List<NewAlertDelivery> Deliveries(AdvisorAlert alert, DateTimeOffset now)
    {
        var settings = options.Value;
        var deliveries = new List<NewAlertDelivery>();
        var emailOn = !string.IsNullOrWhiteSpace(settings.Smtp.Host);
        var webhookOn = !string.IsNullOrWhiteSpace(settings.WebhookUrl);
        if (emailOn)
        {
            var onCall = alert.WakeOnCall || !settings.AlwaysCopy.Any(a => !string.IsNullOrWhiteSpace(a)) ? schedule.OnCallAt(now)?.Email : null;
            var recipients = new[] { onCall }
                .Concat(settings.AlwaysCopy)
                .Where(address => !string.IsNullOrWhiteSpace(address))
                .Select(address => address!.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            deliveries.AddRange(recipients.Select(address => new NewAlertDelivery(AlertChannels.Email, address)));
            if (recipients.Count == 0)
            {
                AlertsLog.NoEmailRecipient(logger, alert.CaseId);
            }
        }
        if (webhookOn)
        {
            deliveries.Add(new NewAlertDelivery(AlertChannels.Webhook, string.Empty));
        }
        if (!emailOn && !webhookOn && Interlocked.Exchange(ref _warnedNoChannel, 1) == 0)
        {
            AlertsLog.NoChannel(logger);
        }
        return deliveries;
    }
}
