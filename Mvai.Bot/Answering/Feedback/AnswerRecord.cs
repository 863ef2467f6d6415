namespace Mvai.Bot.Answering.Feedback;

/// <summary>
/// A guidance answer as sent, kept so a thumb can be stored against it and the guidance editors can see where the
/// guidance falls short: the question as typed (the conversation's transcript holds it already), the passages used,
/// how sure retrieval was, then what the user thought of it and whether a handoff followed.
/// </summary>
internal sealed record AnswerRecord
{
    public required string AnswerId { get; init; }
    public required string ChannelId { get; init; }
    public required string ConversationId { get; init; }

    /// <summary>The id the channel gave the sent message (Teams' feedback names it as replyToId); null when none was given.</summary>
    public string? ActivityId { get; init; }

    public required string Question { get; init; }

    /// <summary>A question the assistant declined as outside the guidance's scope.</summary>
    public const string Refused = "Refused";

    /// <summary>The kind of an answer sent under a caveat: the closest guidance, which may not answer what was asked.</summary>
    public const string Caveated = "Caveated";

    /// <summary><c>Answered</c>, <see cref="Caveated"/>, <c>LowConfidence</c> or <see cref="Refused"/>.</summary>
    public required string Kind { get; init; }

    public double Confidence { get; init; }
    public bool ModelWritten { get; init; }

    /// <summary>The topic of the best passage (<c>media</c>, <c>wellness</c>...); null when none was used.</summary>
    public string? Topic { get; init; }

    public IReadOnlyList<string> PassageIds { get; init; } = [];
    public required DateTimeOffset AnsweredAt { get; init; }

    public FeedbackReaction? Reaction { get; init; }
    public string? FeedbackText { get; init; }
    public DateTimeOffset? FeedbackAt { get; init; }
    public bool LedToHandoff { get; init; }
}
