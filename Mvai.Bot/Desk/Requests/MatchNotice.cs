using Mvai.BotFramework.Connector;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Desk.Requester;
using Mvai.Bot.Desk.Roster;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// On "matched" the requester hears, in their own channel (Teams or Web Chat), who will contact them and how: a
/// proactive message from the request's stored conversation reference, as advisor replies are sent.
/// </summary>
public sealed class MatchNotice(IRequestDeskStore store, PeerAdvisorRoster roster, IChannelAdapter adapter, ILogger<MatchNotice> logger)
{
    public async Task<DeskOutcome> SendAsync(string reference, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(reference, cancellationToken) is not { } request || await roster.FindAsync(request.Progress.PeerAdvisorId, cancellationToken) is not { } peer)
        {
            return DeskOutcome.NotFound;
        }
        return await TellRequesterAsync(request, RequesterMessages.Matched(request.Stored, peer), cancellationToken);
    }

    private async Task<DeskOutcome> TellRequesterAsync(DeskRequest request, string text, CancellationToken cancellationToken)
    {
        try
        {
            await adapter.ContinueConversationAsync(request.Stored.ConversationReference, (turn, ct) => turn.SendActivityAsync(text, ct), cancellationToken);
            return DeskOutcome.Done;
        }
        catch (Exception exception) when (exception is HttpRequestException or ConnectorException or InvalidOperationException or TaskCanceledException)
        {
            // Stored and in the history: the requester also hears it from the status question.
            DeskLog.DeliveryFailed(logger, request.Reference, exception.GetType().Name);
            return DeskOutcome.NotDelivered;
        }
    }
}
