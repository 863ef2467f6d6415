using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.State;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Handoff;

/// <summary>
/// The advisor queue in the app's SQLite database. Queue state lives in columns (so claims are a single
/// conditional UPDATE); what the advisor reads (details, conversation reference) lives in a JSON document.
/// </summary>
internal sealed partial class SqliteHandoffStore : IHandoffStore
{
    private readonly SqliteStorage _database;

    public SqliteHandoffStore(SqliteStorage database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS handoff_cases (
                id                TEXT PRIMARY KEY,
                channel_id        TEXT NOT NULL,
                conversation_id   TEXT NOT NULL,
                user_id           TEXT NOT NULL,
                state             TEXT NOT NULL,
                reason            TEXT NOT NULL,
                base_priority     INTEGER NOT NULL,
                request_reference TEXT,
                document          TEXT NOT NULL,
                created_at        TEXT NOT NULL,
                claimed_by        TEXT,
                claimed_at        TEXT,
                closed_at         TEXT,
                closed_by         TEXT,
                close_note        TEXT,
                alerted_at        TEXT
            );
            -- At most one open case per conversation, even when two instances race to open one.
            CREATE UNIQUE INDEX IF NOT EXISTS handoff_one_open_case
                ON handoff_cases (channel_id, conversation_id) WHERE state <> 'Closed';
            CREATE TABLE IF NOT EXISTS handoff_messages (
                case_id  TEXT NOT NULL,
                seq      INTEGER NOT NULL,
                sender   TEXT NOT NULL,
                author   TEXT,
                text     TEXT NOT NULL,
                at       TEXT NOT NULL,
                PRIMARY KEY (case_id, seq)
            );
            CREATE TABLE IF NOT EXISTS handoff_audit (
                id       INTEGER PRIMARY KEY AUTOINCREMENT,
                case_id  TEXT NOT NULL,
                actor    TEXT NOT NULL,
                action   TEXT NOT NULL,
                detail   TEXT,
                at       TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS handoff_audit_by_case ON handoff_audit (case_id, id);
            CREATE INDEX IF NOT EXISTS handoff_cases_by_request ON handoff_cases (request_reference);
            """;
        command.ExecuteNonQuery();
    }

    public async Task<(HandoffCase Case, bool Created)> OpenAsync(
        HandoffCase newCase, IReadOnlyList<HandoffMessage> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentNullException.ThrowIfNull(history);
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var open = await FindOpenAsync(connection, transaction, newCase.ChannelId, newCase.ConversationId, cancellationToken);
        if (open is not null)
        {
            return (open, false);
        }
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = $"""
                INSERT INTO handoff_cases ({HandoffCaseRow.Columns})
                VALUES ($id, $channel, $conversation, $user, 'Waiting', $reason, $priority, $reference, $document,
                        $at, NULL, NULL, NULL, NULL, NULL, NULL)
                """;
            insert.Parameters.AddWithValue("$id", newCase.Id);
            insert.Parameters.AddWithValue("$channel", newCase.ChannelId);
            insert.Parameters.AddWithValue("$conversation", newCase.ConversationId);
            insert.Parameters.AddWithValue("$user", newCase.UserId);
            insert.Parameters.AddWithValue("$reason", newCase.Reason.ToString());
            insert.Parameters.AddWithValue("$priority", newCase.BasePriority);
            insert.Parameters.AddWithValue("$reference", (object?)newCase.RequestReference ?? DBNull.Value);
            insert.Parameters.AddWithValue("$document", JsonSerializer.Serialize(HandoffCaseDocument.From(newCase), RequestJson.Options));
            insert.Parameters.AddWithValue("$at", Format(newCase.CreatedAt));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var line in history)
        {
            await InsertMessageAsync(connection, transaction, newCase.Id, line.Sender, line.Author, line.Text, line.At, cancellationToken);
        }
        await AuditAsync(connection, transaction, newCase.Id, "bot", "opened", newCase.Reason.ToString(), newCase.CreatedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (newCase with { State = HandoffCaseState.Waiting }, true);
    }

    public async Task<HandoffCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        var cases = await QueryCasesAsync(connection, null, "id = $p0", [caseId], cancellationToken);
        return cases.FirstOrDefault();
    }

    public async Task<HandoffCase?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await FindOpenAsync(connection, null, channelId, conversationId, cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffCase>> ListAsync(DateTimeOffset? closedSince, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return closedSince is { } since
            ? await QueryCasesAsync(connection, null, "state <> 'Closed' OR closed_at >= $p0", [Format(since)], cancellationToken)
            : await QueryCasesAsync(connection, null, "state <> 'Closed'", [], cancellationToken);
    }

    public Task<bool> ClaimAsync(string caseId, string advisor, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, advisor, "claimed", null, at,
            "UPDATE handoff_cases SET state = 'Claimed', claimed_by = $actor, claimed_at = $at WHERE id = $id AND state = 'Waiting'",
            cancellationToken);

    public Task<bool> CloseAsync(string caseId, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, actor, "closed", note, at,
            "UPDATE handoff_cases SET state = 'Closed', closed_by = $actor, closed_at = $at, close_note = $detail WHERE id = $id AND state <> 'Closed'",
            cancellationToken);

    public Task<bool> MarkAlertedAsync(string caseId, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, actor, "on-call alerted", null, at,
            "UPDATE handoff_cases SET alerted_at = $at WHERE id = $id AND alerted_at IS NULL",
            cancellationToken);

    public async Task UpdateDetailsAsync(
        string caseId, IReadOnlyList<KeyValuePair<string, string>> details, int basePriority, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var current = (await QueryCasesAsync(connection, transaction, "id = $p0", [caseId], cancellationToken)).FirstOrDefault()
            ?? throw new InvalidOperationException($"No handoff case {caseId}.");
        var merged = current.Details.Where(d => details.All(n => n.Key != d.Key)).Concat(details).ToList();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE handoff_cases SET document = $document, base_priority = MAX(base_priority, $priority) WHERE id = $id";
            update.Parameters.AddWithValue("$document", JsonSerializer.Serialize(HandoffCaseDocument.From(current with { Details = merged }), RequestJson.Options));
            update.Parameters.AddWithValue("$priority", basePriority);
            update.Parameters.AddWithValue("$id", caseId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await AuditAsync(connection, transaction, caseId, actor, "details updated", string.Join(", ", details.Select(d => d.Key)), at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<HandoffMessage> AppendMessageAsync(
        string caseId, HandoffSender sender, string? author, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var message = await InsertMessageAsync(connection, transaction, caseId, sender, author, text, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message;
    }

    public async Task<IReadOnlyList<HandoffMessage>> GetMessagesAsync(string caseId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, sender, author, text, at FROM handoff_messages WHERE case_id = $id AND seq > $after ORDER BY seq";
        command.Parameters.AddWithValue("$id", caseId);
        command.Parameters.AddWithValue("$after", afterSequence);
        var messages = new List<HandoffMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new HandoffMessage(caseId, reader.GetInt64(0), Enum.Parse<HandoffSender>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), Parse(reader.GetString(4))));
        }
        return messages;
    }

    public async Task<IReadOnlyList<HandoffCase>> ListUnclaimedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        return await QueryCasesAsync(connection, null, "state = 'Waiting' AND alerted_at IS NULL AND created_at < $p0", [Format(createdBefore)], cancellationToken);
    }

    public async Task<IReadOnlyList<HandoffAuditEntry>> GetAuditAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT actor, action, detail, at FROM handoff_audit WHERE case_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", caseId);
        var entries = new List<HandoffAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new HandoffAuditEntry(caseId, reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), Parse(reader.GetString(3))));
        }
        return entries;
    }

    private async Task<bool> TransitionAsync(
        string caseId, string actor, string action, string? detail, DateTimeOffset at, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = sql;
        update.Parameters.AddWithValue("$id", caseId);
        update.Parameters.AddWithValue("$actor", actor);
        update.Parameters.AddWithValue("$at", Format(at));
        update.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        await AuditAsync(connection, transaction, caseId, actor, action, detail, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<HandoffMessage> InsertMessageAsync(
        SqliteConnection connection, SqliteTransaction transaction, string caseId, HandoffSender sender, string? author,
        string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO handoff_messages (case_id, seq, sender, author, text, at)
            VALUES ($id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_messages WHERE case_id = $id), $sender, $author, $text, $at)
            RETURNING seq
            """;
        insert.Parameters.AddWithValue("$id", caseId);
        insert.Parameters.AddWithValue("$sender", sender.ToString());
        insert.Parameters.AddWithValue("$author", (object?)author ?? DBNull.Value);
        insert.Parameters.AddWithValue("$text", text);
        insert.Parameters.AddWithValue("$at", Format(at));
        var sequence = Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new HandoffMessage(caseId, sequence, sender, author, text, at);
    }

    private static async Task AuditAsync(
        SqliteConnection connection, SqliteTransaction transaction, string caseId, string actor, string action, string? detail,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO handoff_audit (case_id, actor, action, detail, at) VALUES ($id, $actor, $action, $detail, $at)";
        insert.Parameters.AddWithValue("$id", caseId);
        insert.Parameters.AddWithValue("$actor", actor);
        insert.Parameters.AddWithValue("$action", action);
        insert.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        insert.Parameters.AddWithValue("$at", Format(at));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HandoffCase?> FindOpenAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string channelId, string conversationId, CancellationToken cancellationToken) =>
        (await QueryCasesAsync(connection, transaction, "channel_id = $p0 AND conversation_id = $p1 AND state <> 'Closed'",
            [channelId, conversationId], cancellationToken)).FirstOrDefault();

    private static async Task<List<HandoffCase>> QueryCasesAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string where, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The condition comes from this class, never from input; values are parameters.
        command.CommandText = $"SELECT {HandoffCaseRow.Columns} FROM handoff_cases WHERE {where} ORDER BY created_at, rowid";
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"$p{i}", parameters[i]);
        }
        var cases = new List<HandoffCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(HandoffCaseRow.Read(reader, i => Parse(reader.GetString(i))));
        }
        return cases;
    }

    private static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
