using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Intake.Requests;

/// <summary>
/// Requests in the embedded SQLite database. The reference's sequence is taken in the same transaction
/// as the insert, so a reference is never handed out for a request that was not stored.
/// </summary>
internal sealed class SqliteAssistanceRequestStore : IAssistanceRequestStore
{
    private readonly SqliteStorage _database;
    private readonly TimeProvider _clock;

    public SqliteAssistanceRequestStore(SqliteStorage database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS request_sequences (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS assistance_requests (
                reference       TEXT PRIMARY KEY,
                submission_id   TEXT NOT NULL UNIQUE,
                channel_id      TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                user_id         TEXT NOT NULL,
                status          TEXT NOT NULL,
                document        TEXT NOT NULL,
                submitted_at    TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    public async Task<StoredAssistanceRequest> SubmitAsync(string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        ArgumentNullException.ThrowIfNull(draft);
        // The request is confirmed to the chief as soon as this returns, so its commit is synced to disk.
        return await _database.WriteSyncedAsync(connection => SubmitAsync(connection, submissionId, draft, cancellationToken), cancellationToken);
    }

    private async Task<StoredAssistanceRequest> SubmitAsync(
        SqliteConnection connection, string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken)
    {
        // IMMEDIATE: take the write lock first, so two instances cannot both read the same sequence.
        await using var transaction = connection.BeginTransaction(deferred: false);

        var existing = await ReadOneAsync(connection, transaction, "submission_id", submissionId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var now = _clock.GetUtcNow();
        await using var next = connection.CreateCommand();
        next.Transaction = transaction;
        next.CommandText = """
            INSERT INTO request_sequences (year, last) VALUES ($year, 1)
            ON CONFLICT(year) DO UPDATE SET last = last + 1
            RETURNING last
            """;
        next.Parameters.AddWithValue("$year", now.Year);
        var sequence = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        var stored = draft.Submitted(ReferenceNumbers.Format(now.Year, sequence), now);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO assistance_requests
                (reference, submission_id, channel_id, conversation_id, user_id, status, document, submitted_at, updated_at)
            VALUES ($reference, $submission, $channel, $conversation, $user, $status, $document, $at, $at)
            """;
        insert.Parameters.AddWithValue("$reference", stored.Reference);
        insert.Parameters.AddWithValue("$submission", submissionId);
        insert.Parameters.AddWithValue("$channel", stored.ChannelId);
        insert.Parameters.AddWithValue("$conversation", stored.ConversationId);
        insert.Parameters.AddWithValue("$user", stored.UserId);
        insert.Parameters.AddWithValue("$status", stored.Status.ToString());
        insert.Parameters.AddWithValue("$document", JsonSerializer.Serialize(stored, RequestJson.Options));
        insert.Parameters.AddWithValue("$at", now.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    public async Task<StoredAssistanceRequest?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await ReadOneAsync(connection, null, "reference", reference, cancellationToken);
    }

    public async Task<int> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Handoff cases live in the same database; a request an advisor took over is done once its cases are closed.
        command.CommandText = """
            DELETE FROM assistance_requests
            WHERE updated_at < $cutoff
              AND (status IN ('Closed', 'Withdrawn') OR status = 'New' AND EXISTS (SELECT 1 FROM handoff_cases c WHERE c.request_reference = assistance_requests.reference))
              AND NOT EXISTS (SELECT 1 FROM handoff_cases c WHERE c.request_reference = assistance_requests.reference
                              AND (c.state <> 'Closed' OR c.closed_at >= $cutoff))
            """;
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM assistance_requests WHERE reference = $reference";
        command.Parameters.AddWithValue("$reference", reference);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<StoredAssistanceRequest?> ReadOneAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string column, string value, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The column name comes from this class, never from input.
        command.CommandText = $"SELECT document, status FROM assistance_requests WHERE {column} = $value";
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var stored = JsonSerializer.Deserialize<StoredAssistanceRequest>(reader.GetString(0), RequestJson.Options)!;
        stored.Status = RequestStatuses.Parse(reader.GetString(1));
        return stored;
    }
}
