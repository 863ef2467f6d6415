namespace Mvai.Bot.Answering.Feedback;

/// <summary>
/// A thumb as a channel sent it: the answer it names (Teams by the answer message's id, Web Chat by the answer id in the
/// action's <c>@id</c>), the reaction, and the text the user typed, if any.
/// </summary>
internal sealed record FeedbackSubmission(string? AnswerId, string? ActivityId, FeedbackReaction Reaction, string? Text)
{
    /// <summary>Longer text is cut: a comment on an answer, not a document.</summary>
    public const int MaxTextLength = 2000;
}
