using System.Data.Common;
using System.Text.Json;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Handoff;

/// <summary>The columns of a <c>handoff_cases</c> row, the same in every provider, and reading one back.</summary>
internal static class HandoffCaseRow
{
    public const string Columns =
        "id, channel_id, conversation_id, user_id, state, reason, base_priority, request_reference, document, " +
        "created_at, claimed_by, claimed_at, closed_at, closed_by, close_note, alerted_at";

    /// <summary>The case on the reader's current row (selected with <see cref="Columns"/>); <paramref name="instant"/> reads a time column.</summary>
    public static HandoffCase Read(DbDataReader reader, Func<int, DateTimeOffset> instant)
    {
        var document = JsonSerializer.Deserialize<HandoffCaseDocument>(reader.GetString(8), RequestJson.Options)!;
        return new HandoffCase
        {
            Id = reader.GetString(0),
            ChannelId = reader.GetString(1),
            ConversationId = reader.GetString(2),
            UserId = reader.GetString(3),
            State = Enum.Parse<HandoffCaseState>(reader.GetString(4)),
            Reason = Enum.Parse<HandoffReason>(reader.GetString(5)),
            BasePriority = reader.GetInt32(6),
            RequestReference = reader.IsDBNull(7) ? null : reader.GetString(7),
            UserName = document.UserName,
            Details = document.Details,
            ConversationReference = document.ConversationReference,
            CreatedAt = instant(9),
            ClaimedBy = reader.IsDBNull(10) ? null : reader.GetString(10),
            ClaimedAt = reader.IsDBNull(11) ? null : instant(11),
            ClosedAt = reader.IsDBNull(12) ? null : instant(12),
            ClosedBy = reader.IsDBNull(13) ? null : reader.GetString(13),
            CloseNote = reader.IsDBNull(14) ? null : reader.GetString(14),
            AlertedAt = reader.IsDBNull(15) ? null : instant(15),
        };
    }
}
