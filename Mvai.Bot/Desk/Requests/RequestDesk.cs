using Mvai.Bot.Desk.Roster;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// Changes to a request, by the team (review, assign a peer advisor, connected, close, notes) or by the agency
/// (withdraw, add information), each stored with its history line in one transaction. Telling the requester about a
/// match is <see cref="MatchNotice"/>'s (this class is used inside the bot's turns, which cannot depend on the adapter).
/// </summary>
public sealed class RequestDesk(
    IRequestDeskStore store,
    PeerAdvisorRoster roster,
    TimeProvider clock,
    ILogger<RequestDesk> logger)
{
    public const string RequesterActor = "requester";

    /// <summary>The history's word for a recorded contact with the agency.</summary>
    public const string ContactedAction = "contacted the agency";

    /// <summary>
    /// Applies a team action decided on <paramref name="expectedVersion"/>: <see cref="DeskOutcome.Stale"/> when the
    /// request changed since (another advisor was faster), <see cref="DeskOutcome.NotAllowed"/> from a status the action
    /// cannot start from (a closed or withdrawn request).
    /// </summary>
    public async Task<DeskOutcome> ActAsync(
        string reference, RequestAction action, long expectedVersion, string actor, string? peerAdvisorId, CancellationToken cancellationToken)
    {
        PeerAdvisor? peer = null;
        if (action == RequestAction.Assign && ((peer = await roster.FindAsync(peerAdvisorId, cancellationToken)) is null || peer.Retired))
        {
            return DeskOutcome.UnknownAdvisor;
        }
        var to = RequestLifecycle.Target(action);
        var entry = new RequestHistoryEntry(actor, RequestLifecycle.HistoryWord(to), peer is null ? null : $"{peer.Name} ({peer.Id})", clock.GetUtcNow());
        var change = new RequestChange(reference, expectedVersion, RequestLifecycle.From(action), to, peer?.Id, entry);
        if (!await store.ChangeAsync(change, cancellationToken))
        {
            return await WhyRefusedAsync(reference, action, expectedVersion, cancellationToken);
        }
        DeskLog.Changed(logger, reference, to);
        return DeskOutcome.Done;
    }

    /// <summary>
    /// Records that the team or the peer advisor reached the agency (<paramref name="actor"/> is the advisor recording
    /// it). <see cref="DeskOutcome.NotAllowed"/> once the request is closed or withdrawn.
    /// </summary>
    public async Task<DeskOutcome> RecordContactAsync(DeskRequest request, AgencyContact contact, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(contact);
        var peer = (await roster.FindAsync(request.Progress.PeerAdvisorId, cancellationToken))?.Name ?? request.Progress.PeerAdvisorId;
        var now = clock.GetUtcNow();
        var entry = new RequestHistoryEntry(actor, ContactedAction, contact.HistoryDetail(peer, now), now);
        if (!await store.RecordContactAsync(new ContactRecord(request.Reference, contact, RequestLifecycle.OpenStatuses, entry), cancellationToken))
        {
            return await store.GetAsync(request.Reference, cancellationToken) is null ? DeskOutcome.NotFound : DeskOutcome.NotAllowed;
        }
        DeskLog.ContactRecorded(logger, request.Reference, contact.Method);
        return DeskOutcome.Done;
    }

    /// <summary>The agency withdraws its request (from its own conversation, which the caller checked).</summary>
    public async Task<DeskOutcome> WithdrawAsync(DeskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new RequestHistoryEntry(RequesterActor, "withdrawn", null, clock.GetUtcNow());
        var change = new RequestChange(request.Reference, request.Progress.Version, RequestLifecycle.From(RequestAction.Withdraw), RequestStatus.Withdrawn, null, entry);
        if (!await store.ChangeAsync(change, cancellationToken))
        {
            return await WhyRefusedAsync(request.Reference, RequestAction.Withdraw, request.Progress.Version, cancellationToken);
        }
        DeskLog.Changed(logger, request.Reference, RequestStatus.Withdrawn);
        return DeskOutcome.Done;
    }

    /// <summary>A note on the request: the team's (<paramref name="actor"/> an advisor id) or the agency's addition.</summary>
    public async Task<DeskOutcome> AddNoteAsync(string reference, string actor, string text, CancellationToken cancellationToken)
    {
        var action = actor == RequesterActor ? "agency added" : "note";
        var added = await store.AddHistoryAsync(reference, new RequestHistoryEntry(actor, action, text, clock.GetUtcNow()), cancellationToken);
        return added ? DeskOutcome.Done : DeskOutcome.NotFound;
    }

    private async Task<DeskOutcome> WhyRefusedAsync(string reference, RequestAction action, long expectedVersion, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(reference, cancellationToken) is not { } now)
        {
            return DeskOutcome.NotFound;
        }
        return RequestLifecycle.From(action).Contains(now.Status) && now.Progress.Version != expectedVersion ? DeskOutcome.Stale : DeskOutcome.NotAllowed;
    }
}
