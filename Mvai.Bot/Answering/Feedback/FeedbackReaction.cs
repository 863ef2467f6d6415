namespace Mvai.Bot.Answering.Feedback;

/// <summary>A thumbs up or down on an answer.</summary>
internal enum FeedbackReaction
{
    Like,
    Dislike,
}
