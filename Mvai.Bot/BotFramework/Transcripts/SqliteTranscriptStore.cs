using System.Globalization;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.BotFramework.State;

namespace Mvai.Bot.BotFramework.Transcripts;

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

    public async Task LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO transcript_activities (channel_id, conversation_id, logged_at, document)
            VALUES ($channel, $conversation, $at, $document)
            """;
        command.Parameters.AddWithValue("$channel", activity.ChannelId ?? string.Empty);
        command.Parameters.AddWithValue("$conversation", activity.Conversation?.Id ?? string.Empty);
        command.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$document", ProtocolJson.Serialize(activity));
        await command.ExecuteNonQueryAsync(cancellationToken);
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
        var activities = new List<Activity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ProtocolJson.ParseActivity(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))) is { } activity)
            {
                activities.Add(activity);
            }
        }
        return activities;
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript_activities WHERE logged_at < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM transcript_activities WHERE channel_id = $channel AND conversation_id = $conversation";
        command.Parameters.AddWithValue("$channel", channelId);
        command.Parameters.AddWithValue("$conversation", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
