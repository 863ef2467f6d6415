using System.Text.Json;
using Mvai.Bot.BotFramework.State.Postgres;
using Npgsql;

namespace Mvai.Bot.Intake.Requests;

/// <summary>
/// Requests in PostgreSQL. The yearly sequence is one row incremented by an upsert, which holds its row lock until
/// the request is inserted: instances take turns, so references are unique and gap-free, and a retried submission
/// (same id) rolls back without using up a number.
/// </summary>
internal sealed class PostgresAssistanceRequestStore : IAssistanceRequestStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE request_sequences (year integer PRIMARY KEY, last bigint NOT NULL);
        CREATE TABLE assistance_requests (
            reference       text PRIMARY KEY,
            submission_id   text NOT NULL UNIQUE,
            channel_id      text NOT NULL,
            conversation_id text NOT NULL,
            user_id         text NOT NULL,
            status          text NOT NULL,
            document        text NOT NULL,
            submitted_at    timestamptz NOT NULL,
            updated_at      timestamptz NOT NULL
        );
        """,
    ];

    private readonly PostgresDatabase _database;
    private readonly TimeProvider _clock;

    public PostgresAssistanceRequestStore(PostgresDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        database.Migrate("assistance_requests", Migrations);
    }

    public async Task<StoredAssistanceRequest> SubmitAsync(string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        ArgumentNullException.ThrowIfNull(draft);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var stored = await TryInsertAsync(connection, submissionId, draft, cancellationToken);
        // Null: this submission is already stored (perhaps by another instance a moment ago).
        return stored ?? (await ReadOneAsync(connection, "submission_id", submissionId, cancellationToken))!;
    }

    public async Task<StoredAssistanceRequest?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await ReadOneAsync(connection, "reference", reference, cancellationToken);
    }

    private async Task<StoredAssistanceRequest?> TryInsertAsync(
        NpgsqlConnection connection, string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        await using var next = new NpgsqlCommand("""
            INSERT INTO request_sequences AS s (year, last) VALUES (@year, 1)
            ON CONFLICT (year) DO UPDATE SET last = s.last + 1
            RETURNING last
            """, connection, transaction);
        next.Parameters.AddWithValue("year", now.Year);
        var sequence = (long)(await next.ExecuteScalarAsync(cancellationToken))!;

        var stored = draft.Submitted(ReferenceNumbers.Format(now.Year, sequence), now);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO assistance_requests
                (reference, submission_id, channel_id, conversation_id, user_id, status, document, submitted_at, updated_at)
            VALUES (@reference, @submission, @channel, @conversation, @user, @status, @document, @at, @at)
            ON CONFLICT (submission_id) DO NOTHING
            """, connection, transaction);
        insert.Parameters.AddWithValue("reference", stored.Reference);
        insert.Parameters.AddWithValue("submission", submissionId);
        insert.Parameters.AddWithValue("channel", stored.ChannelId);
        insert.Parameters.AddWithValue("conversation", stored.ConversationId);
        insert.Parameters.AddWithValue("user", stored.UserId);
        insert.Parameters.AddWithValue("status", stored.Status.ToString());
        insert.Parameters.AddWithValue("document", JsonSerializer.Serialize(stored, RequestJson.Options));
        insert.Parameters.AddWithValue("at", now.ToUniversalTime());
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task<StoredAssistanceRequest?> ReadOneAsync(
        NpgsqlConnection connection, string column, string value, CancellationToken cancellationToken)
    {
        // The column name comes from this class, never from input.
        await using var command = new NpgsqlCommand($"SELECT document, status FROM assistance_requests WHERE {column} = @value", connection);
        command.Parameters.AddWithValue("value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var stored = JsonSerializer.Deserialize<StoredAssistanceRequest>(reader.GetString(0), RequestJson.Options)!;
        stored.Status = Enum.Parse<RequestStatus>(reader.GetString(1));
        return stored;
    }

    public async Task<int> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Handoff cases live in the same database; a request an advisor took over is done once its cases are closed.
        await using var command = _database.DataSource.CreateCommand("""
            DELETE FROM assistance_requests r
            WHERE r.updated_at < @cutoff
              AND (r.status = 'Closed' OR EXISTS (SELECT 1 FROM handoff_cases c WHERE c.request_reference = r.reference))
              AND NOT EXISTS (SELECT 1 FROM handoff_cases c WHERE c.request_reference = r.reference
                              AND (c.state <> 'Closed' OR c.closed_at >= @cutoff))
            """);
        command.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string reference, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("DELETE FROM assistance_requests WHERE reference = @reference");
        command.Parameters.AddWithValue("reference", reference);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
