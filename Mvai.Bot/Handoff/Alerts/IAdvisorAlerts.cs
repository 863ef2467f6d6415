namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Alerts advisors about a case through every configured channel.</summary>
public interface IAdvisorAlerts
{
    /// <summary>
    /// Stores the alert and one outbox delivery per channel and recipient before returning; delivery follows in
    /// the background with retries until it succeeds. Throws only when the alert could not be stored.
    /// </summary>
    Task EnqueueAsync(AdvisorAlert alert, CancellationToken cancellationToken);
}
