using Mvai.BotFramework.Connector;
using Mvai.BotFramework.Handoff;
using Mvai.BotFramework.Builder;

namespace Mvai.Bot.Handoff;

/// <summary>An advisor as the console and the audit trail know them.</summary>
public sealed record AdvisorIdentity(string Id, string DisplayName);

/// <summary>How an advisor's action went; the console maps it to an HTTP status.</summary>
public enum HubOutcome { Done, NotFound, Conflict, NotDelivered }

/// <summary>
/// What advisors do with the queue: claim, reply, close. Each change is stored first, then the user hears of it in
/// their own channel; claims and closes reach the bot as <c>handoff.status</c> events, exactly as an external hub's
/// would, so the bot handles both hubs the same way.
/// </summary>
public sealed class AdvisorDesk(IHandoffStore store, IChannelAdapter adapter, TimeProvider clock, ILogger<AdvisorDesk> logger)
{
    /// <summary>Takes a waiting case; the user is told the advisor has joined.</summary>
    public async Task<HubOutcome> ClaimAsync(string caseId, AdvisorIdentity advisor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var now = clock.GetUtcNow();
        if (!await store.ClaimAsync(caseId, advisor.Id, now, cancellationToken))
        {
            return await store.GetAsync(caseId, cancellationToken) is null ? HubOutcome.NotFound : HubOutcome.Conflict;
        }
        var handoff = (await store.GetAsync(caseId, cancellationToken))!;
        var joined = HandoffMessages.AdvisorJoined(advisor.DisplayName);
        await store.AppendMessageAsync(caseId, HandoffSender.Bot, null, joined, now, cancellationToken);
        HandoffLog.Claimed(logger, caseId);
        return await TellBotAsync(handoff, new HandoffStatus(HandoffStates.Accepted, joined), cancellationToken);
    }

    /// <summary>Stores the advisor's reply, then delivers it to the user's own channel.</summary>
    public async Task<HubOutcome> ReplyAsync(string caseId, AdvisorIdentity advisor, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var handoff = await store.GetAsync(caseId, cancellationToken);
        if (handoff is null)
        {
            return HubOutcome.NotFound;
        }
        if (handoff.State != HandoffCaseState.Claimed || handoff.ClaimedBy != advisor.Id)
        {
            return HubOutcome.Conflict;
        }
        await store.AppendMessageAsync(caseId, HandoffSender.Advisor, advisor.DisplayName, text, clock.GetUtcNow(), cancellationToken);
        try
        {
            await adapter.ContinueConversationAsync(handoff.ConversationReference,
                (turn, ct) => turn.SendActivityAsync(HandoffMessages.FromAdvisor(advisor.DisplayName, text), ct), cancellationToken);
            return HubOutcome.Done;
        }
        catch (Exception exception) when (exception is HttpRequestException or ConnectorException or InvalidOperationException or TaskCanceledException)
        {
            HandoffLog.DeliveryFailed(logger, caseId, exception.GetType().Name);
            return HubOutcome.NotDelivered;
        }
    }

    /// <summary>Ends the case; the bot takes the conversation back.</summary>
    public async Task<HubOutcome> CloseAsync(string caseId, string actor, string? note, CancellationToken cancellationToken)
    {
        if (!await store.CloseAsync(caseId, actor, note, clock.GetUtcNow(), cancellationToken))
        {
            return await store.GetAsync(caseId, cancellationToken) is null ? HubOutcome.NotFound : HubOutcome.Conflict;
        }
        HandoffLog.Closed(logger, caseId);
        var handoff = (await store.GetAsync(caseId, cancellationToken))!;
        return await TellBotAsync(handoff, new HandoffStatus(HandoffStates.Completed, null), cancellationToken);
    }

    private async Task<HubOutcome> TellBotAsync(HandoffCase handoff, HandoffStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ProcessProactiveAsync(HandoffEvents.CreateStatus(handoff.ConversationReference, status), cancellationToken);
            return HubOutcome.Done;
        }
        catch (Exception exception) when (exception is HttpRequestException or ConnectorException or InvalidOperationException or TaskCanceledException)
        {
            // The change is stored; the user hears of it on their next message, when the bot reads the case.
            HandoffLog.DeliveryFailed(logger, handoff.Id, exception.GetType().Name);
            return HubOutcome.NotDelivered;
        }
    }
}
