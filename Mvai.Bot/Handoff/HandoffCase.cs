using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Handoff;

/// <summary>Why a conversation was handed to a person; part of its priority.</summary>
public enum HandoffReason { UserAsked, Distress, ActiveThreat, PromptGaveUp, LowConfidence, AfterIntake, AfterHoursTriage }

/// <summary>Where a handoff is: waiting in the queue, claimed by an advisor, or closed.</summary>
public enum HandoffCaseState { Waiting, Claimed, Closed }

/// <summary>A conversation waiting for, or talking with, an MVAI advisor.</summary>
public sealed record HandoffCase
{
    public required string Id { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public required string UserId { get; init; }
    public string? UserName { get; init; }
    public required HandoffReason Reason { get; init; }
    public HandoffCaseState State { get; init; }

    /// <summary>Priority from the reason and the stated urgency; the queue adds waiting time on top.</summary>
    public int BasePriority { get; init; }

    /// <summary>The stored request's reference (MVAI-2026-0042) when the handoff follows an intake.</summary>
    public string? RequestReference { get; init; }

    /// <summary>What the advisor should know first: the intake or triage answers, as label/value pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>Where advisor replies go.</summary>
    public required ConversationReference ConversationReference { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public string? ClaimedBy { get; init; }
    public DateTimeOffset? ClaimedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }
    public string? CloseNote { get; init; }

    /// <summary>When the on-call advisor was alerted (after hours, or nobody claimed in time); null if not yet.</summary>
    public DateTimeOffset? AlertedAt { get; init; }
}
