using Npgsql;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State.Postgres;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// <see cref="IActivityLog"/> on PostgreSQL. Each conversation row carries its last sequence number; appending
/// increments it under the row lock in the same statement as the insert, so two instances appending to one
/// conversation at once get consecutive watermarks instead of a duplicate-key race.
/// </summary>
internal sealed class PostgresActivityLog : IActivityLog
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _clock;

    public PostgresActivityLog(PostgresDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
    }

    public async Task CreateConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(
            "INSERT INTO directline_conversations (conversation_id, created_at) VALUES (@id, @now) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("now", _clock.GetUtcNow().ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> ConversationExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT 1 FROM directline_conversations WHERE conversation_id = @id");
        command.Parameters.AddWithValue("id", conversationId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<long> AppendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = null;
        await using var command = _database.DataSource.CreateCommand("""
            WITH next AS (
                INSERT INTO directline_conversations AS c (conversation_id, created_at, last_seq) VALUES (@id, @now, 1)
                ON CONFLICT (conversation_id) DO UPDATE SET last_seq = c.last_seq + 1
                RETURNING last_seq)
            INSERT INTO directline_activities (conversation_id, seq, body, created_at)
            SELECT @id, last_seq, @body, @now FROM next
            RETURNING seq
            """);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("body", ProtocolJson.Serialize(activity));
        command.Parameters.AddWithValue("now", _clock.GetUtcNow().ToUniversalTime());
        var sequence = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        activity.Id = ActivityIds.For(conversationId, sequence);
        return sequence;
    }

    public async Task<ActivityPage> ReadAsync(string conversationId, long watermark, int max, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("""
            SELECT seq, body FROM directline_activities
            WHERE conversation_id = @id AND seq > @after ORDER BY seq LIMIT @max
            """);
        command.Parameters.AddWithValue("id", conversationId);
        command.Parameters.AddWithValue("after", watermark);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ActivityPage.ReadAsync(reader, conversationId, watermark, cancellationToken);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var activities = new NpgsqlCommand("DELETE FROM directline_activities WHERE created_at < @cutoff", connection, transaction);
        activities.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        var purged = await activities.ExecuteNonQueryAsync(cancellationToken);
        await using var conversations = new NpgsqlCommand("""
            DELETE FROM directline_conversations c WHERE c.created_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM directline_activities a WHERE a.conversation_id = c.conversation_id)
            """, connection, transaction);
        conversations.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        await conversations.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async Task DeleteConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var batch = _database.DataSource.CreateBatch();
        foreach (var sql in new[] { "DELETE FROM directline_activities WHERE conversation_id = $1", "DELETE FROM directline_conversations WHERE conversation_id = $1" })
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = conversationId });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
