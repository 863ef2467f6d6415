using Mvai.BotFramework.Handoff;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Handoff;

/// <summary>
/// The built-in advisor hub (proxy model), bot side: it receives <c>handoff.initiate</c> like an external hub
/// would, keeps the queue and records what the user writes. The advisors' side is <see cref="AdvisorDesk"/>.
/// </summary>
public sealed class AdvisorHub(IHandoffStore store, TimeProvider clock, ILogger<AdvisorHub> logger)
{
    /// <summary>Queues the conversation of a <c>handoff.initiate</c> event, with its transcript as the case's first lines.</summary>
    public async Task<(HandoffCase Case, bool Created)> ReceiveAsync(Activity initiation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initiation);
        var ticket = HandoffTicket.FromJson(initiation.Value);
        var now = clock.GetUtcNow();
        var handoff = new HandoffCase
        {
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = initiation.ChannelId ?? string.Empty,
            ConversationId = initiation.Conversation?.Id ?? string.Empty,
            UserId = initiation.From?.Id ?? string.Empty,
            UserName = initiation.From?.Name,
            Reason = ticket.Reason,
            BasePriority = ticket.Priority,
            RequestReference = ticket.RequestReference,
            Details = ticket.Details,
            ConversationReference = initiation.RelatesTo ?? initiation.GetConversationReference(),
            CreatedAt = now,
        };
        var history = HandoffEvents.ReadTranscript(initiation)
            .Where(a => a.IsType(ActivityTypes.Message) && !string.IsNullOrWhiteSpace(a.Text))
            .Select(a => new HandoffMessage(handoff.Id, 0, a.From?.Role == RoleTypes.Bot ? HandoffSender.Bot : HandoffSender.User,
                null, a.Text!, a.Timestamp ?? now))
            .ToList();
        var opened = await store.OpenAsync(handoff, history, cancellationToken);
        if (opened.Created)
        {
            HandoffLog.Queued(logger, opened.Case.Id, opened.Case.Reason, opened.Case.ChannelId);
        }
        return opened;
    }

    /// <summary>Open cases, most urgent first (priority including waiting time, then oldest).</summary>
    public async Task<IReadOnlyList<HandoffCase>> QueueAsync(DateTimeOffset? closedSince, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cases = await store.ListAsync(closedSince, cancellationToken);
        return [.. cases
            .OrderBy(c => c.State == HandoffCaseState.Closed)
            .ThenByDescending(c => HandoffPriority.Effective(c, now))
            .ThenBy(c => c.CreatedAt)];
    }

    /// <summary>The user left the queue before anyone claimed their case.</summary>
    public Task<bool> LeaveAsync(HandoffCase handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return store.CloseAsync(handoff.Id, handoff.UserId, "The user left the queue.", clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>A line the user wrote while handed off.</summary>
    public Task<HandoffMessage> RecordUserMessageAsync(HandoffCase handoff, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        return store.AppendMessageAsync(handoff.Id, HandoffSender.User, handoff.UserName, text, clock.GetUtcNow(), cancellationToken);
    }
}
