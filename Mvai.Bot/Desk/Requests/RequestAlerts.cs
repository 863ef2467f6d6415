using System.Globalization;
using Microsoft.Extensions.Options;
using Mvai.Bot.Handoff;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Handoff.Hours;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// Tells the MVAI team about every stored request through the durable alert outbox, once per request across
/// instances (a conditional update marks it first). A request needed today, or one reporting people killed or injured
/// sent outside advisor hours, wakes the on-call advisor; the rest is news for the team's addresses and channel.
/// </summary>
internal sealed class RequestAlerts(
    IRequestDeskStore store,
    IAdvisorAlerts alerts,
    AdvisorSchedule schedule,
    IOptions<HandoffOptions> handoff,
    TimeProvider clock,
    ILogger<RequestAlerts> logger) : IRequestSubmittedObserver
{
    public Task OnSubmittedAsync(StoredAssistanceRequest stored, CancellationToken cancellationToken) => AlertAsync(stored, cancellationToken);

    /// <summary>Stores the alert unless one was already stored for this request; true when this call stored it.</summary>
    public async Task<bool> AlertAsync(StoredAssistanceRequest stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var now = clock.GetUtcNow();
        if (!await store.MarkAlertedAsync(stored.Reference, now, cancellationToken))
        {
            return false;
        }
        var onCall = WakesOnCall(stored.Request, schedule.IsOpen(now));
        try
        {
            await alerts.EnqueueAsync(Compose(stored, onCall), cancellationToken);
        }
        catch
        {
            // Not stored: let the sweep try again rather than lose the alert.
            await store.ClearAlertedAsync(stored.Reference, CancellationToken.None);
            throw;
        }
        await store.AddHistoryAsync(stored.Reference,
            new RequestHistoryEntry("bot", "team alerted", onCall ? "the on-call advisor too" : null, now), cancellationToken);
        DeskLog.TeamAlerted(logger, stored.Reference, onCall);
        return true;
    }

    /// <summary>Today, or casualties reported when nobody is at the desk: someone is woken.</summary>
    public static bool WakesOnCall(AssistanceRequest request, bool deskOpen) =>
        request.Urgency == Urgency.Today || (!deskOpen && (request.Killed > 0 || request.Injured > 0));

    private AdvisorAlert Compose(StoredAssistanceRequest stored, bool onCall)
    {
        var request = stored.Request;
        var casualties = request.Killed > 0 || request.Injured > 0;
        var priority = 30 + HandoffPriority.ForUrgency(request.Urgency) + (casualties ? 20 : 0);
        var details = new List<KeyValuePair<string, string>>
        {
            new("Urgency", request.Urgency is { } u ? IntakeLabels.Urgencies[u] : "Not given"),
            new("Incident", request.IncidentType is { } t ? IntakeLabels.IncidentTypes[t] : "Not given"),
            new("Incident date", request.IncidentDate?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) ?? "Not given"),
            new("Place", RequestText.Place(request)),
            new("Killed / injured", $"{RequestText.Count(request.Killed)} / {RequestText.Count(request.Injured)}"),
            new("Help wanted", RequestText.Help(request)),
            new("Agency", request.AgencyName ?? "Not given"),
            new("Requester", $"{request.RequesterName}, {request.RequesterTitle}"),
            new("Submitted", stored.SubmittedAt.ToString("u", CultureInfo.InvariantCulture)),
        };
        var link = handoff.Value.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, $"advisor#request={stored.Reference}") : null;
        var title = $"New MVAI request {stored.Reference}: {request.AgencyName ?? "an agency"}{(onCall ? " (needs someone now)" : string.Empty)}";
        return new AdvisorAlert(stored.Reference, title, priority, details, link, WakeOnCall: onCall);
    }
}
