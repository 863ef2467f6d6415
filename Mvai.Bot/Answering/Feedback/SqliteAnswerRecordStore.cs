using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Answering.Feedback;

/// <summary>Answer records in the embedded SQLite database.</summary>
internal sealed class SqliteAnswerRecordStore : IAnswerRecordStore
{
    private readonly SqliteStorage _database;

    public SqliteAnswerRecordStore(SqliteStorage database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS guidance_answers (
                answer_id       TEXT PRIMARY KEY,
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                activity_id     TEXT,
                question        TEXT NOT NULL,
                kind            TEXT NOT NULL,
                confidence      REAL NOT NULL,
                model_written   INTEGER NOT NULL,
                topic           TEXT,
                passage_ids     TEXT NOT NULL,
                answered_at     TEXT NOT NULL,
                reaction        TEXT,
                feedback_text   TEXT,
                feedback_at     TEXT,
                led_to_handoff  INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX IF NOT EXISTS guidance_answers_conversation ON guidance_answers (channel_id, conversation_id, answered_at);
            CREATE INDEX IF NOT EXISTS guidance_answers_at ON guidance_answers (answered_at);
            """;
        command.ExecuteNonQuery();
    }

    public async Task RecordAsync(AnswerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO guidance_answers
                (answer_id, channel_id, conversation_id, activity_id, question, kind, confidence, model_written, topic, passage_ids, answered_at)
            VALUES ($id, $channel, $conversation, $activity, $question, $kind, $confidence, $model, $topic, $passages, $at)
            ON CONFLICT(answer_id) DO NOTHING
            """;
        command.Parameters.AddWithValue("$id", record.AnswerId);
        command.Parameters.AddWithValue("$channel", record.ChannelId);
        command.Parameters.AddWithValue("$conversation", record.ConversationId);
        command.Parameters.AddWithValue("$activity", (object?)record.ActivityId ?? DBNull.Value);
        command.Parameters.AddWithValue("$question", record.Question);
        command.Parameters.AddWithValue("$kind", record.Kind);
        command.Parameters.AddWithValue("$confidence", record.Confidence);
        command.Parameters.AddWithValue("$model", record.ModelWritten ? 1 : 0);
        command.Parameters.AddWithValue("$topic", (object?)record.Topic ?? DBNull.Value);
        command.Parameters.AddWithValue("$passages", AnswerRecordRows.SerializePassages(record.PassageIds));
        command.Parameters.AddWithValue("$at", Time(record.AnsweredAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<AnswerRecord?> FindAsync(string channelId, string conversationId, string answerId, CancellationToken cancellationToken) =>
        FindOneAsync("answer_id", channelId, conversationId, answerId, cancellationToken);

    public Task<AnswerRecord?> FindByActivityAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
        FindOneAsync("activity_id", channelId, conversationId, activityId, cancellationToken);

    public async Task SaveFeedbackAsync(string answerId, FeedbackReaction reaction, string? text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE guidance_answers SET reaction = $reaction, feedback_text = COALESCE($text, feedback_text), feedback_at = $at
            WHERE answer_id = $id
            """;
        command.Parameters.AddWithValue("$id", answerId);
        command.Parameters.AddWithValue("$reaction", reaction.ToString());
        command.Parameters.AddWithValue("$text", (object?)text ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Time(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkHandoffAsync(string channelId, string conversationId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE guidance_answers SET led_to_handoff = 1
            WHERE channel_id = $channel AND conversation_id = $conversation AND answered_at >= $since
            """;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$since", Time(since));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AnswerRecord>> ListGapsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {AnswerRecordRows.Columns} FROM guidance_answers
            WHERE answered_at >= $since AND {AnswerRecordRows.GapCondition}
            ORDER BY answered_at DESC
            """;
        command.Parameters.AddWithValue("$since", Time(since));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM guidance_answers WHERE answered_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", Time(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM guidance_answers WHERE channel_id = $channel AND conversation_id = $conversation";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<AnswerRecord?> FindOneAsync(string column, string channelId, string conversationId, string value, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        // The column name comes from this class, never from input.
        command.CommandText = $"""
            SELECT {AnswerRecordRows.Columns} FROM guidance_answers
            WHERE channel_id = $channel AND conversation_id = $conversation AND {column} = $value
            """;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$value", value);
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    private static async Task<IReadOnlyList<AnswerRecord>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var records = new List<AnswerRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(AnswerRecordRows.Read(reader, ReadTime));
        }
        return records;
    }

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // Fixed-width UTC text, so comparing strings compares times.
    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
