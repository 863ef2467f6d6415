using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State.Postgres;

namespace Mvai.BotFramework.Transcripts;

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
    private readonly Dictionary<string, Task> _lastInsert = new(StringComparer.Ordinal);

    public PostgresTranscriptStore(PostgresDatabase database, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _clock = clock;
        database.Migrate("transcripts", Migrations);
    }

    public Task LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channel = activity.ChannelId ?? string.Empty;
        var conversation = activity.Conversation?.Id ?? string.Empty;
        var at = _clock.GetUtcNow().ToUniversalTime();
        var document = ProtocolJson.Serialize(activity);
        // Each row of a conversation waits for the one logged before it, so the identity column keeps the call order
        // even when a turn's rows are written while it runs, on different pooled connections.
        var key = channel + "\n" + conversation;
        Task insert;
        lock (_lastInsert)
        {
            var previous = _lastInsert.GetValueOrDefault(key) ?? Task.CompletedTask;
            insert = InsertAfterAsync(previous, channel, conversation, at, document, cancellationToken);
            _lastInsert[key] = insert;
        }
        _ = insert.ContinueWith(done =>
        {
            lock (_lastInsert)
            {
                if (_lastInsert.TryGetValue(key, out var last) && last == done)
                {
                    _lastInsert.Remove(key);
                }
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return insert;
    }

    private async Task InsertAfterAsync(Task previous, string channel, string conversation, DateTimeOffset at, string document, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await using var command = _database.DataSource.CreateCommand("""
            INSERT INTO transcript_activities (channel_id, conversation_id, logged_at, document)
            VALUES (@channel, @conversation, @at, @document)
            """);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("conversation", conversation);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("document", document);
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
