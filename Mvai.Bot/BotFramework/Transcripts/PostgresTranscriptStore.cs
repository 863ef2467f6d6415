using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.BotFramework.State.Postgres;

namespace Mvai.Bot.BotFramework.Transcripts;

/// <summary>Transcripts in PostgreSQL, one row per activity, ordered by an identity column.</summary>
public sealed class PostgresTranscriptStore : ITranscriptStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE transcript_activities (
            seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            channel_id      text NOT NULL,
            conversation_id text NOT NULL,
            logged_at       timestamptz NOT NULL,
            document        text NOT NULL
        );
        CREATE INDEX transcript_by_conversation ON transcript_activities (channel_id, conversation_id, seq);
        CREATE INDEX transcript_by_time ON transcript_activities (logged_at);
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _clock;

    public PostgresTranscriptStore(PostgresDatabase database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _clock = clock;
        database.Migrate("transcripts", Migrations);
    }

    public async Task LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        await using var command = _database.DataSource.CreateCommand("""
            INSERT INTO transcript_activities (channel_id, conversation_id, logged_at, document)
            VALUES (@channel, @conversation, @at, @document)
            """);
        command.Parameters.AddWithValue("channel", activity.ChannelId ?? string.Empty);
        command.Parameters.AddWithValue("conversation", activity.Conversation?.Id ?? string.Empty);
        command.Parameters.AddWithValue("at", _clock.GetUtcNow().ToUniversalTime());
        command.Parameters.AddWithValue("document", ProtocolJson.Serialize(activity));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Activity>> GetRecentAsync(string channelId, string conversationId, int max, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("""
            SELECT document FROM (
                SELECT seq, document FROM transcript_activities
                WHERE channel_id = @channel AND conversation_id = @conversation
                ORDER BY seq DESC LIMIT @max) AS recent
            ORDER BY seq
            """);
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("conversation", conversationId);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await TranscriptRows.ReadAsync(reader, cancellationToken);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("DELETE FROM transcript_activities WHERE logged_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> DeleteConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(
            "DELETE FROM transcript_activities WHERE channel_id = @channel AND conversation_id = @conversation");
        command.Parameters.AddWithValue("channel", channelId);
        command.Parameters.AddWithValue("conversation", conversationId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
