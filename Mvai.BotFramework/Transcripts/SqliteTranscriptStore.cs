using System.Globalization;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;

namespace Mvai.BotFramework.Transcripts;

/// <summary>Transcripts in the app's SQLite database, one row per activity.</summary>
public sealed class SqliteTranscriptStore : ITranscriptStore
{
    private readonly SqliteStorage _database;
    private readonly TimeProvider _clock;

    public SqliteTranscriptStore(SqliteStorage database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _clock = clock;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS transcript_activities (
                seq             INTEGER PRIMARY KEY AUTOINCREMENT,
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                logged_at       TEXT NOT NULL,
                document        TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS transcript_by_conversation ON transcript_activities (channel_id, conversation_id, seq);
            """;
        command.ExecuteNonQuery();
    }

    public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var row = new TranscriptRow(activity.ChannelId ?? string.Empty, activity.Conversation?.Id ?? string.Empty,
            _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), ProtocolJson.Serialize(activity));
        return _database.WriteBatchedAsync((connection, transaction) => InsertAsync(connection, transaction, row), cancellationToken);
    }

    private static async Task<bool> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, TranscriptRow row)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO transcript_activities (channel_id, conversation_id, logged_at, document)
            VALUES ($channel, $conversation, $at, $document)
            """;
        command.Parameters.AddWithValue("$channel", row.ChannelId);
        command.Parameters.AddWithValue("$conversation", row.ConversationId);
        command.Parameters.AddWithValue("$at", row.LoggedAt);
        command.Parameters.AddWithValue("$document", row.Document);
        await command.ExecuteNonQueryAsync();
        return true;
    }

    public async Task<IReadOnlyList<Activity>> GetRecentAsync(string channelId, string conversationId, int max, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT document FROM (
                SELECT seq, document FROM transcript_activities
                WHERE channel_id = $channel AND conversation_id = $conversation
                ORDER BY seq DESC LIMIT $max)
            ORDER BY seq
            """;
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TranscriptRows.ReadAsync(reader, cancellationToken);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript_activities WHERE logged_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript_activities WHERE channel_id = $channel AND conversation_id = $conversation";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A row serialized in the caller's turn (the activity may change after), written with its batch.</summary>
    private sealed record TranscriptRow(string ChannelId, string ConversationId, string LoggedAt, string Document);
}
