using Mvai.BotFramework.State.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>Answer records in PostgreSQL, shared by every instance (a thumb may reach another instance than the answer).</summary>
internal sealed class PostgresAnswerRecordStore : IAnswerRecordStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE guidance_answers (
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
            answered_at     timestamptz NOT NULL,
            reaction        text,
            feedback_text   text,
            feedback_at     timestamptz,
            led_to_handoff  boolean NOT NULL DEFAULT false
        );
        CREATE INDEX guidance_answers_conversation ON guidance_answers (channel_id, conversation_id, answered_at);
        CREATE INDEX guidance_answers_at ON guidance_answers (answered_at);
        """,
    ];

    private readonly PostgresDatabase _database;

    public PostgresAnswerRecordStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("guidance_answers", Migrations);
    }

    public async Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO guidance_answers
                (answer_id, channel_id, conversation_id, activity_id, question, kind, confidence, model_written, topic, passage_ids, answered_at)
            VALUES (@id, @channel, @conversation, @activity, @question, @kind, @confidence, @model, @topic, @passages, @at)
            ON CONFLICT (answer_id) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue("id", record.AnswerId);
        command.Parameters.AddWithValue("channel", record.ChannelId);
        command.Parameters.AddWithValue("conversation", record.ConversationId);
        command.Parameters.AddWithValue("activity", NpgsqlDbType.Text, (object?)record.ActivityId ?? DBNull.Value);
        command.Parameters.AddWithValue("question", record.Question);
        command.Parameters.AddWithValue("kind", record.Kind);
        command.Parameters.AddWithValue("confidence", record.Confidence);
        command.Parameters.AddWithValue("model", record.ModelWritten);
        command.Parameters.AddWithValue("topic", NpgsqlDbType.Text, (object?)record.Topic ?? DBNull.Value);
        command.Parameters.AddWithValue("passages", AnswerRecordRows.SerializePassages(record.PassageIds));
        command.Parameters.AddWithValue("at", record.AnsweredAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<AnswerRecord?> FindAsync(string channelId, string conversationId, string answerId, CancellationToken cancellationToken) =>
        FindOneAsync("answer_id", channelId, conversationId, answerId, cancellationToken);

    public Task<AnswerRecord?> FindByActivityAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
        FindOneAsync("activity_id", channelId, conversationId, activityId, cancellationToken);

    public async Task SaveFeedbackAsync(string answerId, FeedbackReaction reaction, string? text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE guidance_answers SET reaction = @reaction, feedback_text = COALESCE(@text, feedback_text), feedback_at = @at
            WHERE answer_id = @id
            """, connection);
        command.Parameters.AddWithValue("id", answerId);
        command.Parameters.AddWithValue("reaction", reaction.ToString());
        command.Parameters.AddWithValue("text", NpgsqlDbType.Text, (object?)text ?? DBNull.Value);
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkHandoffAsync(string channelId, string conversationId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE guidance_answers SET led_to_handoff = true
            WHERE channel_id = @channel AND conversation_id = @conversation AND answered_at >= @since
            """, connection);
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AnswerRecord>> ListGapsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {AnswerRecordRows.Columns} FROM guidance_answers
            WHERE answered_at >= @since AND {AnswerRecordRows.GapCondition}
            ORDER BY answered_at DESC
            """, connection);
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM guidance_answers WHERE answered_at < @cutoff", connection);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM guidance_answers WHERE channel_id = @channel AND conversation_id = @conversation", connection);
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("conversation", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<AnswerRecord?> FindOneAsync(string column, string channelId, string conversationId, string value, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        // The column name comes from this class, never from input.
        await using var command = new NpgsqlCommand($"""
            SELECT {AnswerRecordRows.Columns} FROM guidance_answers
            WHERE channel_id = @channel AND conversation_id = @conversation AND {column} = @value
            """, connection);
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("value", value);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static async Task<IReadOnlyList<AnswerRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<AnswerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(AnswerRecordRows.Read(reader, static (r, i) => r.GetFieldValue<DateTimeOffset>(i)));
        }
        return records;
    }
}
