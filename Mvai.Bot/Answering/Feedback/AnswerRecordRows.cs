using System.Text.Json;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>The <c>guidance_answers</c> columns the store selects, and a row of them as Dapper reads it.</summary>
internal static class AnswerRecordRows
{
    public const string Columns =
        "answer_id, channel_id, conversation_id, activity_id, question, kind, confidence, model_written, topic, passage_ids, " +
        "answered_at, reaction, feedback_text, feedback_at, led_to_handoff";

    /// <summary>Where a record shows a gap in the guidance (the report's filter).</summary>
    public const string GapCondition = "(kind IN ('LowConfidence', 'Refused', 'Caveated') OR reaction = 'Dislike' OR led_to_handoff)";

    public static string SerializePassages(IReadOnlyList<string> passageIds) => JsonSerializer.Serialize(passageIds, FeedbackJson.Default.IReadOnlyListString);

    /// <summary>One row (SQLite keeps the flags as integers; Dapper converts them).</summary>
    internal sealed class Row
    {
        public string AnswerId { get; set; } = "";
        public string ChannelId { get; set; } = "";
        public string ConversationId { get; set; } = "";
        public string? ActivityId { get; set; }
        public string Question { get; set; } = "";
        public string Kind { get; set; } = "";
        public double Confidence { get; set; }
        public bool ModelWritten { get; set; }
        public string? Topic { get; set; }
        public string PassageIds { get; set; } = "[]";
        public DateTimeOffset AnsweredAt { get; set; }
        public string? Reaction { get; set; }
        public string? FeedbackText { get; set; }
        public DateTimeOffset? FeedbackAt { get; set; }
        public bool LedToHandoff { get; set; }

        public AnswerRecord ToRecord() => new()
        {
            AnswerId = AnswerId, ChannelId = ChannelId, ConversationId = ConversationId, ActivityId = ActivityId, Question = Question,
            Kind = Kind, Confidence = Confidence, ModelWritten = ModelWritten, Topic = Topic,
            PassageIds = JsonSerializer.Deserialize(PassageIds, FeedbackJson.Default.IReadOnlyListString) ?? [],
            AnsweredAt = AnsweredAt, Reaction = Reaction is null ? null : Enum.Parse<FeedbackReaction>(Reaction),
            FeedbackText = FeedbackText, FeedbackAt = FeedbackAt, LedToHandoff = LedToHandoff,
        };
    }
}
