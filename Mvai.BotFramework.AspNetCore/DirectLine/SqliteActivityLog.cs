using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// <see cref="IActivityLog"/> in the bot's SQLite file. The sequence number is taken inside the INSERT
/// itself, so concurrent writers (threads or instances sharing the file) never get the same watermark.
/// </summary>
internal sealed class SqliteActivityLog : IActivityLog
{
    private readonly SqliteStorage _storage;
    private readonly TimeProvider _clock;

    public SqliteActivityLog(SqliteStorage storage, TimeProvider clock)
    {
        _storage = storage;
        _clock = clock;
        using var connection = storage.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS directline_conversations (
                conversation_id TEXT PRIMARY KEY,
                created_at      TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS directline_activities (
                conversation_id TEXT    NOT NULL,
                seq             INTEGER NOT NULL,
                body            TEXT    NOT NULL,
                created_at      TEXT    NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            );
            """;
        command.ExecuteNonQuery();
    }

    public async Task CreateConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _storage.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO directline_conversations (conversation_id, created_at) VALUES ($id, $now)";
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$now", SqliteStorage.Timestamp(_clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _storage.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM directline_conversations WHERE conversation_id = $id";
        command.Parameters.AddWithValue("$id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        await using var connection = await _storage.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO directline_activities (conversation_id, seq, body, created_at)
            SELECT $id, COALESCE(MAX(seq), 0) + 1, $body, $now FROM directline_activities WHERE conversation_id = $id
            RETURNING seq
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$body", ProtocolJson.Serialize(activity));
        command.Parameters.AddWithValue("$now", SqliteStorage.Timestamp(_clock.GetUtcNow()));
        var sequence = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        activity.Id = ActivityIds.For(conversationId, sequence);
        return sequence;
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _storage.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var activities = connection.CreateCommand();
        activities.Transaction = transaction;
        activities.CommandText = "DELETE FROM directline_activities WHERE created_at < $cutoff";
        activities.Parameters.AddWithValue("$cutoff", SqliteStorage.Timestamp(cutoff));
        var purged = await activities.ExecuteNonQueryAsync(cancellationToken);
        await using var conversations = connection.CreateCommand();
        conversations.Transaction = transaction;
        conversations.CommandText = """
            DELETE FROM directline_conversations WHERE created_at < $cutoff
              AND NOT EXISTS (SELECT 1 FROM directline_activities a WHERE a.conversation_id = directline_conversations.conversation_id)
            """;
        conversations.Parameters.AddWithValue("$cutoff", SqliteStorage.Timestamp(cutoff));
        await conversations.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _storage.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM directline_activities WHERE conversation_id = $id;
            DELETE FROM directline_conversations WHERE conversation_id = $id;
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var connection = _storage.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, body FROM directline_activities
            WHERE conversation_id = $id AND seq > $after ORDER BY seq LIMIT $max
            """;
        command.Parameters.AddWithValue("$id", conversationId);
        command.Parameters.AddWithValue("$after", watermark);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ActivityPage.ReadAsync(reader, conversationId, watermark, cancellationToken);
    }

}
