using System.Data.Common;
using System.Text.Json;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>The <c>guidance_answers</c> columns both stores select, and reading a row of them back.</summary>
internal static class AnswerRecordRows
{
    public const string Columns =
        "answer_id, channel_id, conversation_id, activity_id, question, kind, confidence, model_written, topic, passage_ids, " +
        "answered_at, reaction, feedback_text, feedback_at, led_to_handoff";

    /// <summary>Where a record shows a gap in the guidance (the report's filter).</summary>
    public const string GapCondition = "(kind IN ('LowConfidence', 'Refused', 'Caveated') OR reaction = 'Dislike' OR led_to_handoff)";

    public static string SerializePassages(IReadOnlyList<string> passageIds) => JsonSerializer.Serialize(passageIds, FeedbackJson.Default.IReadOnlyListString);

    public static AnswerRecord Read(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readTime) => new()
    {
        AnswerId = reader.GetString(0),
        ChannelId = reader.GetString(1),
        ConversationId = reader.GetString(2),
        ActivityId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Question = reader.GetString(4),
        Kind = reader.GetString(5),
        Confidence = reader.GetDouble(6),
        ModelWritten = reader.GetBoolean(7),
        Topic = reader.IsDBNull(8) ? null : reader.GetString(8),
        PassageIds = JsonSerializer.Deserialize(reader.GetString(9), FeedbackJson.Default.IReadOnlyListString) ?? [],
        AnsweredAt = readTime(reader, 10),
        Reaction = reader.IsDBNull(11) ? null : Enum.Parse<FeedbackReaction>(reader.GetString(11)),
        FeedbackText = reader.IsDBNull(12) ? null : reader.GetString(12),
        FeedbackAt = reader.IsDBNull(13) ? null : readTime(reader, 13),
        LedToHandoff = reader.GetBoolean(14),
    };
}
