using System.Data.Common;
using System.Text.Json;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// The desk's queries, the same SQL for SQLite and PostgreSQL (both take <c>@name</c> parameters); the two stores
/// differ only in their schema change, how they open connections and how an instant is written.
/// </summary>
internal abstract class SqlRequestDeskStore : IRequestDeskStore
{
    private const string Columns =
        "document, status, version, peer_advisor_id, alerted_at, first_contact_at, matched_at, finished_at, first_contact_method";

    /// <summary>A pooled connection for reading.</summary>
    protected abstract Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    /// <summary>A connection for writing (SQLite: the process's single writer).</summary>
    protected abstract Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>An instant as the database compares it with <c>submitted_at</c>.</summary>
    protected abstract object Instant(DateTimeOffset at);

    public async Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM assistance_requests ORDER BY submitted_at DESC");
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<DeskRequest?> GetAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {Columns} FROM assistance_requests WHERE reference = @reference", ("reference", reference));
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public Task<bool> ChangeAsync(RequestChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        // First contact is what the team records (RecordContactAsync); a request marked connected without one was
        // reached by then at the latest, so that moment stands in for it.
        return UpdateWithHistoryAsync($"""
            UPDATE assistance_requests SET
                status = @to, version = version + 1, updated_at = @at,
                peer_advisor_id = COALESCE(@peer, peer_advisor_id),
                first_contact_at = CASE WHEN @to = 'Connected' THEN COALESCE(first_contact_at, @at) ELSE first_contact_at END,
                matched_at = CASE WHEN @to = 'Matched' THEN COALESCE(matched_at, @at) ELSE matched_at END,
                finished_at = CASE WHEN @to IN ('Closed', 'Withdrawn') THEN @at ELSE NULL END
            WHERE reference = @reference AND version = @version AND status IN ({StatusList(change.From)})
            """, change.Reference, change.Entry, cancellationToken,
            ("to", change.To.ToString()), ("at", Instant(change.Entry.At)), ("peer", change.PeerAdvisorId),
            ("reference", change.Reference), ("version", change.ExpectedVersion));
    }

    public Task<bool> RecordContactAsync(ContactRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Not a change of status: the version stays, so an advisor about to assign is not sent back to look again.
        return UpdateWithHistoryAsync($"""
            UPDATE assistance_requests SET
                first_contact_method = CASE WHEN first_contact_at IS NULL OR @contacted < first_contact_at THEN @method ELSE first_contact_method END,
                first_contact_at = CASE WHEN first_contact_at IS NULL OR @contacted < first_contact_at THEN @contacted ELSE first_contact_at END,
                updated_at = @at
            WHERE reference = @reference AND status IN ({StatusList(record.Open)})
            """, record.Reference, record.Entry, cancellationToken,
            ("contacted", Instant(record.Contact.At)), ("method", record.Contact.Method.ToString()), ("at", Instant(record.Entry.At)),
            ("reference", record.Reference));
    }

    public Task<bool> AddHistoryAsync(string reference, RequestHistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Touching the row checks it exists and moves its last update, which retention counts from.
        return UpdateWithHistoryAsync("UPDATE assistance_requests SET updated_at = @at WHERE reference = @reference", reference, entry, cancellationToken,
            ("at", Instant(entry.At)), ("reference", reference));
    }

    public async Task<IReadOnlyList<RequestHistoryEntry>> HistoryAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT actor, action, detail, at FROM request_history WHERE reference = @reference ORDER BY id", ("reference", reference));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<RequestHistoryEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new RequestHistoryEntry(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return entries;
    }

    public async Task<bool> MarkAlertedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE assistance_requests SET alerted_at = @at WHERE reference = @reference AND alerted_at IS NULL",
            cancellationToken, ("at", Instant(at)), ("reference", reference)) == 1;

    public Task ClearAlertedAsync(string reference, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE assistance_requests SET alerted_at = NULL WHERE reference = @reference", cancellationToken, ("reference", reference));

    public async Task<IReadOnlyList<string>> ListUnalertedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT reference FROM assistance_requests WHERE alerted_at IS NULL AND submitted_at < @before ORDER BY submitted_at",
            ("before", Instant(before)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var references = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            references.Add(reader.GetString(0));
        }
        return references;
    }

    public Task<int> DeleteHistoryAsync(string? reference, CancellationToken cancellationToken) => reference is null
        ? ExecuteAsync("DELETE FROM request_history WHERE reference NOT IN (SELECT reference FROM assistance_requests)", cancellationToken)
        : ExecuteAsync("DELETE FROM request_history WHERE reference = @reference", cancellationToken, ("reference", reference));

    /// <summary>Runs an UPDATE of one request and, only if it changed that row, adds the history line, in one transaction.</summary>
    private async Task<bool> UpdateWithHistoryAsync(
        string update, string reference, RequestHistoryEntry entry, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Command(connection, update, parameters);
        command.Transaction = transaction;
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await InsertHistoryAsync(connection, transaction, reference, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // Statuses are enum names from code, never input.
    private static string StatusList(IEnumerable<RequestStatus> statuses) => string.Join(", ", statuses.Select(s => $"'{s}'"));

    private async Task InsertHistoryAsync(
        DbConnection connection, DbTransaction transaction, string reference, RequestHistoryEntry entry, CancellationToken cancellationToken)
    {
        await using var insert = Command(connection,
            "INSERT INTO request_history (reference, actor, action, detail, at) VALUES (@reference, @actor, @action, @detail, @at)",
            ("reference", reference), ("actor", entry.Actor), ("action", entry.Action), ("detail", entry.Detail), ("at", Instant(entry.At)));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        DeskSql.Command(connection, sql, parameters);

    private static async Task<IReadOnlyList<DeskRequest>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<DeskRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = JsonSerializer.Deserialize<StoredAssistanceRequest>(reader.GetString(0), RequestJson.Options)!;
            stored.Status = RequestStatuses.Parse(reader.GetString(1));
            requests.Add(new DeskRequest(stored, new RequestProgress(
                reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                Time(reader, 4), Time(reader, 5), Time(reader, 6), Time(reader, 7),
                reader.IsDBNull(8) ? null : Enum.Parse<AgencyContactMethod>(reader.GetString(8)))));
        }
        return requests;
    }

    private static DateTimeOffset? Time(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
