using Microsoft.Data.Sqlite;

namespace Mvai.Bot.Handoff;

/// <summary>Retention and deletion on demand: a case goes with its messages and audit, in one transaction.</summary>
internal sealed partial class SqliteHandoffStore
{
    public async Task<IReadOnlyList<HandoffCase>> ListForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await QueryCasesAsync(connection, null, "channel_id = $p0 AND conversation_id = $p1", [channelId, conversationId], cancellationToken);
    }

    public async Task<IReadOnlyList<string>> DeleteClosedForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var closed = await QueryCasesAsync(connection, transaction,
            "channel_id = $p0 AND conversation_id = $p1 AND state = 'Closed'", [channelId, conversationId], cancellationToken);
        foreach (var handoff in closed)
        {
            await DeleteCasesAsync(connection, transaction, "id = $value", handoff.Id, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. closed.Select(c => c.Id)];
    }

    public async Task<int> PurgeClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        // Requests live in the same database; a case that follows one up is part of it and goes when it goes.
        var purged = await DeleteCasesAsync(connection, transaction, """
            state = 'Closed' AND closed_at < $value
            AND (request_reference IS NULL OR request_reference NOT IN (SELECT reference FROM assistance_requests))
            """, Format(cutoff), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    /// <summary>Deletes the messages, audit and rows of the cases matching <paramref name="where"/>; returns how many cases.</summary>
    private static async Task<int> DeleteCasesAsync(
        SqliteConnection connection, SqliteTransaction transaction, string where, string value, CancellationToken cancellationToken)
    {
        var cases = 0;
        foreach (var sql in HandoffCaseDeletion.Statements(where))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$value", value);
            cases = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return cases;
    }
}
