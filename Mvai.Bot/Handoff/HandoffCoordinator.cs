using System.Globalization;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Handoff;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Handoff.Hours;

namespace Mvai.Bot.Handoff;

/// <summary>What the bot should do after asking for a person.</summary>
/// <param name="Case">The conversation's case.</param>
/// <param name="NeedsTriage">After hours: ask the triage questions before alerting the on-call advisor.</param>
public sealed record HandoffStart(HandoffCase Case, bool NeedsTriage);

/// <summary>
/// The bot's side of handoff: sends <c>handoff.initiate</c>, tells the user honestly what happens next (in hours:
/// their place in line; after hours: triage, then the on-call advisor), and raises on-call alerts once per case.
/// </summary>
public sealed class HandoffCoordinator(
    AdvisorHub hub,
    IHandoffStore store,
    ITranscriptStore transcripts,
    AdvisorSchedule schedule,
    IAdvisorAlerts alerts,
    IOptions<HandoffOptions> options,
    TimeProvider clock,
    ILogger<HandoffCoordinator> logger)
{
    private readonly HandoffOptions _options = options.Value;

    public async Task<HandoffStart> StartAsync(ITurnContext turn, HandoffTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(ticket);
        var activity = turn.Activity;
        var existing = await store.FindOpenAsync(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, cancellationToken);
        if (existing is not null)
        {
            await turn.SendActivityAsync(existing.State == HandoffCaseState.Claimed ? HandoffMessages.AlreadyWithAdvisor : HandoffMessages.AlreadyWaiting, cancellationToken);
            return new HandoffStart(existing, NeedsTriage: false);
        }

        // This turn's messages (the request for a person among them) are written while the turn runs: wait for them.
        await TranscriptLoggerMiddleware.WhenLoggedAsync(turn);
        var transcript = await transcripts.GetRecentAsync(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty,
            _options.TranscriptLength, cancellationToken);
        if (_options.ExternalHub)
        {
            await turn.SendActivityAsync(HandoffEvents.CreateInitiation(activity, ticket.ToJson(), transcript), cancellationToken);
        }
        // A copy of its own: sending stamps an activity as the bot's (Direct Line sets its from), and the hub names the
        // case after the initiation's sender.
        var (handoff, _) = await hub.ReceiveAsync(HandoffEvents.CreateInitiation(activity, ticket.ToJson(), transcript), cancellationToken);

        var now = clock.GetUtcNow();
        if (schedule.IsOpen(now))
        {
            if (ticket.Reason is HandoffReason.ActiveThreat or HandoffReason.Distress)
            {
                // Someone in danger or in crisis cannot wait for the claim timeout, nor for an advisor to glance at the
                // console: the on-call advisor and the team are alerted now (once; the watcher will not alert again).
                await AlertOnCallAsync(handoff, "in hours, " + ticket.Reason, cancellationToken);
            }
            var position = await PositionInLineAsync(handoff, cancellationToken);
            await turn.SendActivityAsync(WithLeaveButton(HandoffMessages.InHours(position, schedule.ClaimTimeout)), cancellationToken);
            return new HandoffStart(handoff, NeedsTriage: false);
        }
        if (ticket.Reason is HandoffReason.ActiveThreat or HandoffReason.Distress || ticket.RequestReference is not null)
        {
            // Nobody in crisis is asked questions first, and a stored request already says how to reach them:
            // the on-call advisor is alerted at once.
            await AlertOnCallAsync(handoff, "after hours, " + ticket.Reason, cancellationToken);
            await turn.SendActivityAsync(HandoffMessages.AfterHoursUrgent(schedule.DescribeNextOpening(now), _options.OnCallCallbackTarget), cancellationToken);
            return new HandoffStart(handoff, NeedsTriage: false);
        }
        await turn.SendActivityAsync(HandoffMessages.AfterHoursTriageIntro(schedule.DescribeNextOpening(now)), cancellationToken);
        return new HandoffStart(handoff, NeedsTriage: true);
    }

    /// <summary>Adds the triage answers to the case, alerts the on-call advisor and says when to expect contact.</summary>
    public async Task CompleteTriageAsync(ITurnContext turn, TriageAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var activity = turn.Activity;
        var handoff = await store.FindOpenAsync(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty, cancellationToken);
        var now = clock.GetUtcNow();
        if (handoff is not null)
        {
            var priority = answers.SomeoneInDanger == true ? HandoffPriority.Danger : handoff.BasePriority + HandoffPriority.ForUrgency(answers.Urgency);
            await store.UpdateDetailsAsync(handoff.Id, answers.ToDetails(), priority, "bot", now, cancellationToken);
            handoff = (await store.GetAsync(handoff.Id, cancellationToken))!;
            if (!await AlertOnCallAsync(handoff, "triage", cancellationToken))
            {
                // Already alerted (nobody claimed in time): send the call-back details as a follow-up.
                await EnqueueAlertAsync(handoff, "call-back details added", cancellationToken);
            }
        }
        var done = Activity.CreateMessage(HandoffMessages.TriageDone(answers.IsUrgent, answers.CallbackPhone,
            schedule.DescribeNextOpening(now), _options.OnCallCallbackTarget));
        done.SuggestedActions = new SuggestedActions { Actions = [.. HandoffMessages.MeanwhileTopics.Select(CardAction.ImBack)] };
        await turn.SendActivityAsync(done, cancellationToken);
    }

    /// <summary>Alerts the on-call advisor about the case, once; false when it was already alerted.</summary>
    public async Task<bool> AlertOnCallAsync(HandoffCase handoff, string why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        if (!await store.MarkAlertedAsync(handoff.Id, "bot", clock.GetUtcNow(), cancellationToken))
        {
            return false;
        }
        await EnqueueAlertAsync(handoff, why, cancellationToken);
        return true;
    }

    private async Task EnqueueAlertAsync(HandoffCase handoff, string why, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var priority = HandoffPriority.Effective(handoff, now);
        var details = new List<KeyValuePair<string, string>>
        {
            new("Reason", HandoffLabels.Reason(handoff.Reason)),
            new("Channel", handoff.ChannelId),
            new("Waiting since", handoff.CreatedAt.ToString("u", CultureInfo.InvariantCulture)),
        };
        if (handoff.RequestReference is { } reference)
        {
            details.Add(new("Request", reference));
        }
        if (handoff.UserName is { } name)
        {
            details.Add(new("Name", name));
        }
        details.AddRange(handoff.Details);
        var link = _options.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, $"advisor#case={handoff.Id}") : null;
        var title = string.Create(CultureInfo.InvariantCulture, $"MVAI handoff: {HandoffLabels.Reason(handoff.Reason)} (priority {priority})");
        await alerts.EnqueueAsync(new AdvisorAlert(handoff.Id, title, priority, details, link), cancellationToken);
        HandoffLog.OnCallAlerted(logger, handoff.Id, why);
    }

    private async Task<int> PositionInLineAsync(HandoffCase handoff, CancellationToken cancellationToken)
    {
        var queue = await hub.QueueAsync(null, cancellationToken);
        var waiting = queue.Where(c => c.State == HandoffCaseState.Waiting).ToList();
        var index = waiting.FindIndex(c => c.Id == handoff.Id);
        return index < 0 ? waiting.Count + 1 : index + 1;
    }

    private static Activity WithLeaveButton(string text)
    {
        var message = Activity.CreateMessage(text);
        message.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(HandoffMessages.LeaveQueue)] };
        return message;
    }
}
