using System.Text.Json;
using Mvai.BotFramework.State.Postgres;
using Mvai.Bot.Intake.Requests;
using Npgsql;

namespace Mvai.Bot.Handoff;

/// <summary>
/// The advisor queue in PostgreSQL. As in <see cref="SqliteHandoffStore"/>, queue state lives in columns (a claim is
/// one conditional UPDATE) and what the advisor reads lives in a JSON document. Instances race safely: the partial
/// unique index keeps one open case per conversation, and message numbers are taken under the case's row lock.
/// </summary>
internal sealed partial class PostgresHandoffStore : IHandoffStore
{
    private const string UniqueViolation = "23505";

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE handoff_cases (
            id                text PRIMARY KEY,
            ord               bigint GENERATED ALWAYS AS IDENTITY,
            channel_id        text NOT NULL,
            conversation_id   text NOT NULL,
            user_id           text NOT NULL,
            state             text NOT NULL,
            reason            text NOT NULL,
            base_priority     integer NOT NULL,
            request_reference text,
            document          text NOT NULL,
            created_at        timestamptz NOT NULL,
            claimed_by        text,
            claimed_at        timestamptz,
            closed_at         timestamptz,
            closed_by         text,
            close_note        text,
            alerted_at        timestamptz
        );
        CREATE UNIQUE INDEX handoff_one_open_case ON handoff_cases (channel_id, conversation_id) WHERE state <> 'Closed';
        CREATE TABLE handoff_messages (
            case_id text NOT NULL,
            seq     bigint NOT NULL,
            sender  text NOT NULL,
            author  text,
            text    text NOT NULL,
            at      timestamptz NOT NULL,
            PRIMARY KEY (case_id, seq)
        );
        CREATE TABLE handoff_audit (
            id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            case_id text NOT NULL,
            actor   text NOT NULL,
            action  text NOT NULL,
            detail  text,
            at      timestamptz NOT NULL
        );
        CREATE INDEX handoff_audit_by_case ON handoff_audit (case_id, id);
        """,
        // Retention looks cases up by the request they follow.
        "CREATE INDEX handoff_cases_by_request ON handoff_cases (request_reference);",
    ];

    private readonly PostgresDatabase _database;

    public PostgresHandoffStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("handoff", Migrations);
    }

    public async Task<(HandoffCase Case, bool Created)> OpenAsync(
        HandoffCase newCase, IReadOnlyList<HandoffMessage> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentNullException.ThrowIfNull(history);
        await using var connection = await _database.OpenAsync(cancellationToken);
        var open = await FindOpenAsync(connection, null, newCase.ChannelId, newCase.ConversationId, cancellationToken);
        if (open is not null)
        {
            return (open, false);
        }
        try
        {
            await InsertCaseAsync(connection, newCase, history, cancellationToken);
            return (newCase with { State = HandoffCaseState.Waiting }, true);
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            // Another instance opened this conversation's case between our check and our insert.
            var winner = await FindOpenAsync(connection, null, newCase.ChannelId, newCase.ConversationId, cancellationToken);
            return winner is null ? throw new InvalidOperationException("The open case vanished while opening a new one.", exception) : (winner, false);
        }
    }

    public async Task<HandoffCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return (await QueryCasesAsync(connection, null, "id = @p0", [caseId], cancellationToken)).FirstOrDefault();
    }

    public async Task<HandoffCase?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await FindOpenAsync(connection, null, channelId, conversationId, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffCase>> ListAsync(DateTimeOffset? closedSince, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return closedSince is { } since
            ? await QueryCasesAsync(connection, null, "state <> 'Closed' OR closed_at >= @p0", [since.ToUniversalTime()], cancellationToken)
            : await QueryCasesAsync(connection, null, "state <> 'Closed'", [], cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffCase>> ListUnclaimedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await QueryCasesAsync(connection, null, "state = 'Waiting' AND alerted_at IS NULL AND created_at < @p0",
            [createdBefore.ToUniversalTime()], cancellationToken);
    }

    public Task<bool> ClaimAsync(string caseId, string advisor, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, advisor, "claimed", null, at,
            "UPDATE handoff_cases SET state = 'Claimed', claimed_by = @actor, claimed_at = @at WHERE id = @id AND state = 'Waiting'",
            cancellationToken);

    public Task<bool> CloseAsync(string caseId, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, actor, "closed", note, at,
            "UPDATE handoff_cases SET state = 'Closed', closed_by = @actor, closed_at = @at, close_note = @detail WHERE id = @id AND state <> 'Closed'",
            cancellationToken);

    public Task<bool> MarkAlertedAsync(string caseId, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, actor, "on-call alerted", null, at,
            "UPDATE handoff_cases SET alerted_at = @at WHERE id = @id AND alerted_at IS NULL",
            cancellationToken);

    public async Task UpdateDetailsAsync(
        string caseId, IReadOnlyList<KeyValuePair<string, string>> details, int basePriority, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locked first: a concurrent merge waits and then merges into this one's result instead of overwriting it.
        await LockCaseAsync(connection, transaction, caseId, cancellationToken);
        var current = (await QueryCasesAsync(connection, transaction, "id = @p0", [caseId], cancellationToken)).FirstOrDefault()
            ?? throw new InvalidOperationException($"No handoff case {caseId}.");
        var merged = current.Details.Where(d => details.All(n => n.Key != d.Key)).Concat(details).ToList();
        await using (var update = new NpgsqlCommand(
            "UPDATE handoff_cases SET document = @document, base_priority = GREATEST(base_priority, @priority) WHERE id = @id",
            connection, transaction))
        {
            update.Parameters.AddWithValue("document", JsonSerializer.Serialize(HandoffCaseDocument.From(current with { Details = merged }), RequestJson.Options));
            update.Parameters.AddWithValue("priority", basePriority);
            update.Parameters.AddWithValue("id", caseId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await AuditAsync(connection, transaction, caseId, actor, "details updated", string.Join(", ", details.Select(d => d.Key)), at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertCaseAsync(NpgsqlConnection connection, HandoffCase newCase, IReadOnlyList<HandoffMessage> history, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO handoff_cases ({HandoffCaseRow.Columns})
            VALUES (@id, @channel, @conversation, @user, 'Waiting', @reason, @priority, @reference, @document,
                    @at, NULL, NULL, NULL, NULL, NULL, NULL)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", newCase.Id);
            insert.Parameters.AddWithValue("channel", newCase.ChannelId);
            insert.Parameters.AddWithValue("conversation", newCase.ConversationId);
            insert.Parameters.AddWithValue("user", newCase.UserId);
            insert.Parameters.AddWithValue("reason", newCase.Reason.ToString());
            insert.Parameters.AddWithValue("priority", newCase.BasePriority);
            insert.Parameters.AddWithValue("reference", (object?)newCase.RequestReference ?? DBNull.Value);
            insert.Parameters.AddWithValue("document", JsonSerializer.Serialize(HandoffCaseDocument.From(newCase), RequestJson.Options));
            insert.Parameters.AddWithValue("at", newCase.CreatedAt.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var line in history)
        {
            await InsertMessageAsync(connection, transaction, newCase.Id, line.Sender, line.Author, line.Text, line.At, cancellationToken);
        }
        await AuditAsync(connection, transaction, newCase.Id, "bot", "opened", newCase.Reason.ToString(), newCase.CreatedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<bool> TransitionAsync(
        string caseId, string actor, string action, string? detail, DateTimeOffset at, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand(sql, connection, transaction);
        update.Parameters.AddWithValue("id", caseId);
        update.Parameters.AddWithValue("actor", actor);
        update.Parameters.AddWithValue("at", at.ToUniversalTime());
        update.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        await AuditAsync(connection, transaction, caseId, actor, action, detail, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
