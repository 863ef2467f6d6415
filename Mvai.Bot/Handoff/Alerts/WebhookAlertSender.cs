using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Posts the alert card to the configured webhook; any non-2xx answer is a failure to retry.</summary>
internal sealed class WebhookAlertSender(IHttpClientFactory clients, IOptions<AdvisorAlertsOptions> options) : IAlertSender
{
    public const string HttpClientName = "AdvisorAlerts";

    public string Channel => AlertChannels.Webhook;

    public async Task SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        // Read at send time, never stored in the outbox: a Teams Workflows URL carries its own signature.
        var url = options.Value.WebhookUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new AlertChannelNotConfiguredException(Channel);
        }
        using var client = clients.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.SendTimeout);
        using var response = await client.PostAsJsonAsync(new Uri(url), AlertCard.Message(delivery.Alert), timeout.Token);
        response.EnsureSuccessStatusCode();
    }
}
