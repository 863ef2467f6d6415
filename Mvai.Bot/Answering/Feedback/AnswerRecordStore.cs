using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>
/// Answer records on either engine; on PostgreSQL shared by every instance (a thumb may reach another instance than
/// the answer).
/// </summary>
internal sealed class AnswerRecordStore(SqlDatabase database) : IAnswerRecordStore
{
    public static SchemaComponent Schema { get; } = new("guidance_answers",
    [
        """
        CREATE TABLE IF NOT EXISTS guidance_answers (
            answer_id       text PRIMARY KEY,
            channel_id      text NOT NULL,
            conversation_id text NOT NULL,
            activity_id     text,
            question        text NOT NULL,
            kind            text NOT NULL,
            confidence      double precision NOT NULL,
            model_written   boolean NOT NULL,
            topic           text,
            passage_ids     text NOT NULL,
            answered_at     {instant} NOT NULL,
            reaction        text,
            feedback_text   text,
            feedback_at     {instant},
            led_to_handoff  boolean NOT NULL DEFAULT false
        );
        CREATE INDEX IF NOT EXISTS guidance_answers_conversation ON guidance_answers (channel_id, conversation_id, answered_at);
        CREATE INDEX IF NOT EXISTS guidance_answers_at ON guidance_answers (answered_at);
        """,
    ]);

    public Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.ExecuteAsync("""
            INSERT INTO guidance_answers
                (answer_id, channel_id, conversation_id, activity_id, question, kind, confidence, model_written, topic, passage_ids, answered_at)
            VALUES (@AnswerId, @ChannelId, @ConversationId, @ActivityId, @Question, @Kind, @Confidence, @ModelWritten, @Topic, @passages, @AnsweredAt)
            ON CONFLICT (answer_id) DO NOTHING
            """, new
        {
            record.AnswerId, record.ChannelId, record.ConversationId, record.ActivityId, record.Question, record.Kind, record.Confidence,
            record.ModelWritten, record.Topic, passages = AnswerRecordRows.SerializePassages(record.PassageIds), record.AnsweredAt,
        }, cancellationToken);
    }

    public Task<AnswerRecord?> FindAsync(string channelId, string conversationId, string answerId, CancellationToken cancellationToken) =>
        FindOneAsync("answer_id", channelId, conversationId, answerId, cancellationToken);

    public Task<AnswerRecord?> FindByActivityAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
        FindOneAsync("activity_id", channelId, conversationId, activityId, cancellationToken);

    public Task SaveFeedbackAsync(string answerId, FeedbackReaction reaction, string? text, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            UPDATE guidance_answers SET reaction = @reaction, feedback_text = COALESCE(@text, feedback_text), feedback_at = @at
            WHERE answer_id = @answerId
            """, new { answerId, reaction = reaction.ToString(), text, at }, cancellationToken);

    public Task MarkHandoffAsync(string channelId, string conversationId, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            UPDATE guidance_answers SET led_to_handoff = true
            WHERE channel_id = @channelId AND conversation_id = @conversationId AND answered_at >= @since
            """, new { channelId, conversationId, since }, cancellationToken);

    public async Task<IReadOnlyList<AnswerRecord>> ListGapsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        [
            .. (await database.QueryAsync<AnswerRecordRows.Row>($"""
                SELECT {AnswerRecordRows.Columns} FROM guidance_answers
                WHERE answered_at >= @since AND {AnswerRecordRows.GapCondition}
                ORDER BY answered_at DESC
                """, new { since }, cancellationToken))
            .Select(row => row.ToRecord()),
        ];

    public Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM guidance_answers WHERE answered_at < @cutoff", new { cutoff }, cancellationToken);

    public Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "DELETE FROM guidance_answers WHERE channel_id = @channelId AND conversation_id = @conversationId",
            new { channelId, conversationId }, cancellationToken);

    private async Task<AnswerRecord?> FindOneAsync(string column, string channelId, string conversationId, string value, CancellationToken cancellationToken)
    {
        // The column name comes from this class, never from input.
        var found = await database.QueryAsync<AnswerRecordRows.Row>($"""
            SELECT {AnswerRecordRows.Columns} FROM guidance_answers
            WHERE channel_id = @channelId AND conversation_id = @conversationId AND {column} = @value
            """, new { channelId, conversationId, value }, cancellationToken);
        return found.Count > 0 ? found[0].ToRecord() : null;
    }
}
