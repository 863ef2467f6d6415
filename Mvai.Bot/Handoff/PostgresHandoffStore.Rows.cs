using Npgsql;

namespace Mvai.Bot.Handoff;

/// <summary>Messages, audit entries and reading case rows.</summary>
internal sealed partial class PostgresHandoffStore
{
    public async Task<HandoffMessage> AppendMessageAsync(
        string caseId, HandoffSender sender, string? author, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var message = await InsertMessageAsync(connection, transaction, caseId, sender, author, text, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return message;
    }

    public async Task<IReadOnlyList<HandoffMessage>> GetMessagesAsync(string caseId, long afterSequence, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT seq, sender, author, text, at FROM handoff_messages WHERE case_id = @id AND seq > @after ORDER BY seq");
        command.Parameters.AddWithValue("id", caseId);
        command.Parameters.AddWithValue("after", afterSequence);
        var messages = new List<HandoffMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new HandoffMessage(caseId, reader.GetInt64(0), Enum.Parse<HandoffSender>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return messages;
    }

    public async Task<IReadOnlyList<HandoffAuditEntry>> GetAuditAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT actor, action, detail, at FROM handoff_audit WHERE case_id = @id ORDER BY id");
        command.Parameters.AddWithValue("id", caseId);
        var entries = new List<HandoffAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new HandoffAuditEntry(caseId, reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return entries;
    }

    private static async Task<HandoffMessage> InsertMessageAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string caseId, HandoffSender sender, string? author,
        string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The case's row lock serializes numbering: the user's line and an advisor's reply arriving at two
        // instances at once get consecutive numbers instead of the same MAX + 1.
        await LockCaseAsync(connection, transaction, caseId, cancellationToken);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO handoff_messages (case_id, seq, sender, author, text, at)
            VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_messages WHERE case_id = @id), @sender, @author, @text, @at)
            RETURNING seq
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", caseId);
        insert.Parameters.AddWithValue("sender", sender.ToString());
        insert.Parameters.AddWithValue("author", (object?)author ?? DBNull.Value);
        insert.Parameters.AddWithValue("text", text);
        insert.Parameters.AddWithValue("at", at.ToUniversalTime());
        var sequence = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        return new HandoffMessage(caseId, sequence, sender, author, text, at);
    }

    /// <summary>Holds the case's row lock until the transaction ends, so changes to one case take turns.</summary>
    private static async Task LockCaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string caseId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM handoff_cases WHERE id = @id FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("id", caseId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AuditAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string caseId, string actor, string action, string? detail,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO handoff_audit (case_id, actor, action, detail, at) VALUES (@id, @actor, @action, @detail, @at)", connection, transaction);
        insert.Parameters.AddWithValue("id", caseId);
        insert.Parameters.AddWithValue("actor", actor);
        insert.Parameters.AddWithValue("action", action);
        insert.Parameters.AddWithValue("detail", (object?)detail ?? DBNull.Value);
        insert.Parameters.AddWithValue("at", at.ToUniversalTime());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<HandoffCase?> FindOpenAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string channelId, string conversationId, CancellationToken cancellationToken) =>
        (await QueryCasesAsync(connection, transaction, "channel_id = @p0 AND conversation_id = @p1 AND state <> 'Closed'",
            [channelId, conversationId], cancellationToken)).FirstOrDefault();

    private static async Task<List<HandoffCase>> QueryCasesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, object[] parameters, CancellationToken cancellationToken)
    {
        // The condition comes from this class, never from input; values are parameters.
        await using var command = new NpgsqlCommand(
            $"SELECT {HandoffCaseRow.Columns} FROM handoff_cases WHERE {where} ORDER BY created_at, ord", connection, transaction);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }
        var cases = new List<HandoffCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(HandoffCaseRow.Read(reader, reader.GetFieldValue<DateTimeOffset>));
        }
        return cases;
    }
}
