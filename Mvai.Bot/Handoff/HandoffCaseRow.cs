using System.Text.Json;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Handoff;

/// <summary>A <c>handoff_cases</c> row as Dapper reads it (selected with <see cref="Columns"/>), and the case it holds.</summary>
internal sealed class HandoffCaseRow
{
    public const string Columns =
        "id, channel_id, conversation_id, user_id, state, reason, base_priority, request_reference, document, " +
        "created_at, claimed_by, claimed_at, closed_at, closed_by, close_note, alerted_at";

    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string State { get; set; } = "";
    public string Reason { get; set; } = "";
    public int BasePriority { get; set; }
    public string? RequestReference { get; set; }
    public string Document { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public string? CloseNote { get; set; }
    public DateTimeOffset? AlertedAt { get; set; }

    public HandoffCase ToCase()
    {
        var document = JsonSerializer.Deserialize<HandoffCaseDocument>(Document, RequestJson.Options)!;
        return new HandoffCase
        {
            Id = Id, ChannelId = ChannelId, ConversationId = ConversationId, UserId = UserId,
            State = Enum.Parse<HandoffCaseState>(State), Reason = Enum.Parse<HandoffReason>(Reason), BasePriority = BasePriority,
            RequestReference = RequestReference, UserName = document.UserName, Details = document.Details,
            ConversationReference = document.ConversationReference, CreatedAt = CreatedAt, ClaimedBy = ClaimedBy, ClaimedAt = ClaimedAt,
            ClosedAt = ClosedAt, ClosedBy = ClosedBy, CloseNote = CloseNote, AlertedAt = AlertedAt,
        };
    }
}

/// <summary>A <c>handoff_messages</c> or <c>handoff_audit</c> row as Dapper reads it.</summary>
internal sealed class HandoffLineRow
{
    public long Seq { get; set; }
    public string Sender { get; set; } = "";
    public string? Author { get; set; }
    public string Text { get; set; } = "";
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
}
