namespace Mvai.Bot.Answering.Feedback;

/// <summary>Durable record of guidance answers and the feedback on them (SQLite or PostgreSQL, like the other stores).</summary>
internal interface IAnswerRecordStore
{
    Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken);

    /// <summary>The answer with this id in this conversation, or null: an id from another conversation finds nothing.</summary>
    Task<AnswerRecord?> FindAsync(string channelId, string conversationId, string answerId, CancellationToken cancellationToken);

    /// <summary>The answer sent as this activity of this conversation, or null.</summary>
    Task<AnswerRecord?> FindByActivityAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Stores the reaction (a later one replaces an earlier one); the text is kept only when given.</summary>
    Task SaveFeedbackAsync(string answerId, FeedbackReaction reaction, string? text, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks the conversation's answers since <paramref name="since"/> as followed by a handoff.</summary>
    Task MarkHandoffAsync(string channelId, string conversationId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Answers since <paramref name="since"/> that show a gap: low confidence, disliked, or followed by a handoff; newest first.</summary>
    Task<IReadOnlyList<AnswerRecord>> ListGapsAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the conversation's answers (a data request's deletion); returns how many.</summary>
    Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes answers given before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
