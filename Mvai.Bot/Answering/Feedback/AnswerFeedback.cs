using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>
/// Stores a thumb against the answer it names, looked up within the conversation it came from: an answer id copied
/// from another conversation, or a replyToId that is no answer, finds nothing and changes nothing.
/// </summary>
internal sealed class AnswerFeedback(IAnswerRecordStore records, TimeProvider clock, ILogger<AnswerFeedback> logger)
{
    /// <summary>Stores the feedback; false when it names no answer of this conversation (then it is only logged).</summary>
    public async Task<bool> StoreAsync(Activity activity, FeedbackSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(submission);
        var channelId = activity.ChannelId ?? string.Empty;
        var conversationId = activity.Conversation?.Id ?? string.Empty;
        var answer = submission.AnswerId is { } answerId
            ? await records.FindAsync(channelId, conversationId, answerId, cancellationToken)
            : submission.ActivityId is { } activityId
                ? await records.FindByActivityAsync(channelId, conversationId, activityId, cancellationToken)
                : null;
        if (answer is null)
        {
            AnswerLog.FeedbackForUnknownAnswer(logger, activity.ChannelId);
            return false;
        }
        await records.SaveFeedbackAsync(answer.AnswerId, submission.Reaction, submission.Text, clock.GetUtcNow(), cancellationToken);
        AnswerLog.FeedbackStored(logger, submission.Reaction == FeedbackReaction.Like ? "like" : "dislike", answer.AnswerId, activity.ChannelId);
        return true;
    }

    public void RefuseMalformed(Activity activity, string problem) => AnswerLog.FeedbackMalformed(logger, activity.ChannelId, problem);
}
