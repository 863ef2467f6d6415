using System.Text.Json;
using Mvai.Bot.Intake.Requests;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Desk.Requests;

/// <summary>The desk's view of <c>assistance_requests</c> and each request's history, on either engine (tables: <see cref="RequestDeskSchema"/>).</summary>
internal sealed class RequestDeskStore(SqlDatabase database) : IRequestDeskStore
{
    private const string Columns =
        "document, status, version, peer_advisor_id, alerted_at, first_contact_at, matched_at, finished_at, first_contact_method";

    public async Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync<Row>($"SELECT {Columns} FROM assistance_requests ORDER BY submitted_at DESC", null, cancellationToken))
            .ConvertAll(r => r.ToRequest());

    public async Task<DeskRequest?> GetAsync(string reference, CancellationToken cancellationToken) =>
        (await database.QueryAsync<Row>($"SELECT {Columns} FROM assistance_requests WHERE reference = @reference", new { reference }, cancellationToken))
            .SingleOrDefault()?.ToRequest();

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
            """, change.Reference, change.Entry,
            new { to = change.To.ToString(), at = change.Entry.At, peer = change.PeerAdvisorId, reference = change.Reference, version = change.ExpectedVersion },
            cancellationToken);
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
            """, record.Reference, record.Entry,
            new { contacted = record.Contact.At, method = record.Contact.Method.ToString(), at = record.Entry.At, reference = record.Reference },
            cancellationToken);
    }

    public Task<bool> AddHistoryAsync(string reference, RequestHistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Touching the row checks it exists and moves its last update, which retention counts from.
        return UpdateWithHistoryAsync("UPDATE assistance_requests SET updated_at = @at WHERE reference = @reference", reference, entry,
            new { at = entry.At, reference }, cancellationToken);
    }

    public async Task<IReadOnlyList<RequestHistoryEntry>> HistoryAsync(string reference, CancellationToken cancellationToken) =>
        (await database.QueryAsync<HistoryRow>("SELECT actor, action, detail, at FROM request_history WHERE reference = @reference ORDER BY id",
            new { reference }, cancellationToken)).ConvertAll(h => new RequestHistoryEntry(h.Actor, h.Action, h.Detail, h.At));

    public async Task<bool> MarkAlertedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE assistance_requests SET alerted_at = @at WHERE reference = @reference AND alerted_at IS NULL",
            new { at, reference }, cancellationToken) == 1;

    public Task ClearAlertedAsync(string reference, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE assistance_requests SET alerted_at = NULL WHERE reference = @reference", new { reference }, cancellationToken);

    public async Task<IReadOnlyList<string>> ListUnalertedAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.QueryAsync<string>(
            "SELECT reference FROM assistance_requests WHERE alerted_at IS NULL AND submitted_at < @before ORDER BY submitted_at", new { before }, cancellationToken);

    public Task<int> DeleteHistoryAsync(string? reference, CancellationToken cancellationToken) => reference is null
        ? database.ExecuteAsync("DELETE FROM request_history WHERE reference NOT IN (SELECT reference FROM assistance_requests)", null, cancellationToken)
        : database.ExecuteAsync("DELETE FROM request_history WHERE reference = @reference", new { reference }, cancellationToken);

    /// <summary>Runs an UPDATE of one request and, only if it changed that row, adds the history line, in one transaction.</summary>
    private Task<bool> UpdateWithHistoryAsync(string update, string reference, RequestHistoryEntry entry, object parameters, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (await write.ExecuteAsync(update, parameters) != 1)
            {
                return (false, false);
            }
            await write.ExecuteAsync("INSERT INTO request_history (reference, actor, action, detail, at) VALUES (@reference, @Actor, @Action, @Detail, @At)",
                new { reference, entry.Actor, entry.Action, entry.Detail, entry.At });
            return (true, true);
        }, cancellationToken);

    // Statuses are enum names from code, never input.
    private static string StatusList(IEnumerable<RequestStatus> statuses) => string.Join(", ", statuses.Select(s => $"'{s}'"));

    private sealed class Row
    {
        public string Document { get; set; } = "";
        public string Status { get; set; } = "";
        public long Version { get; set; }
        public string? PeerAdvisorId { get; set; }
        public DateTimeOffset? AlertedAt { get; set; }
        public DateTimeOffset? FirstContactAt { get; set; }
        public DateTimeOffset? MatchedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public string? FirstContactMethod { get; set; }

        public DeskRequest ToRequest()
        {
            var stored = JsonSerializer.Deserialize<StoredAssistanceRequest>(Document, RequestJson.Options)!;
            stored.Status = RequestStatuses.Parse(Status);
            return new DeskRequest(stored, new RequestProgress(Version, PeerAdvisorId, AlertedAt, FirstContactAt, MatchedAt, FinishedAt,
                FirstContactMethod is null ? null : Enum.Parse<AgencyContactMethod>(FirstContactMethod)));
        }
    }

    private sealed class HistoryRow
    {
        public string Actor { get; set; } = "";
        public string Action { get; set; } = "";
        public string? Detail { get; set; }
        public DateTimeOffset At { get; set; }
    }
}
