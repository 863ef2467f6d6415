using System.Data.Common;
using System.Text.Json;
using Mvai.Bot.Intake.Requests;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Handoff;

/// <summary>
/// The advisor queue, on either engine. Queue state lives in columns (a claim is one conditional UPDATE); what the
/// advisor reads (details, conversation reference) lives in a JSON document. Instances race safely: the partial unique
/// index keeps one open case per conversation, and changes to one case take turns under its row lock (SQLite: the
/// write transaction's lock on the file).
/// </summary>
internal sealed partial class HandoffStore(SqlDatabase database) : IHandoffStore
{
    public static SchemaComponent Schema { get; } = new("handoff",
    [
        // PostgreSQL orders cases created in the same instant by an identity column; SQLite by its rowid.
        SchemaStep.Code((database, connection, transaction) => SqlDatabase.ExecuteDdlAsync(connection, transaction, database.Ddl($$"""
            CREATE TABLE IF NOT EXISTS handoff_cases (
                id                text PRIMARY KEY,
                {{(database.Engine == SqlEngine.Postgres ? "ord bigint GENERATED ALWAYS AS IDENTITY," : string.Empty)}}
                channel_id        text NOT NULL,
                conversation_id   text NOT NULL,
                user_id           text NOT NULL,
                state             text NOT NULL,
                reason            text NOT NULL,
                base_priority     integer NOT NULL,
                request_reference text,
                document          text NOT NULL,
                created_at        {instant} NOT NULL,
                claimed_by        text,
                claimed_at        {instant},
                closed_at         {instant},
                closed_by         text,
                close_note        text,
                alerted_at        {instant}
            );
            CREATE UNIQUE INDEX IF NOT EXISTS handoff_one_open_case ON handoff_cases (channel_id, conversation_id) WHERE state <> 'Closed';
            CREATE TABLE IF NOT EXISTS handoff_messages (
                case_id text NOT NULL,
                seq     bigint NOT NULL,
                sender  text NOT NULL,
                author  text,
                text    text NOT NULL,
                at      {instant} NOT NULL,
                PRIMARY KEY (case_id, seq)
            );
            CREATE TABLE IF NOT EXISTS handoff_audit (
                id      {identity},
                case_id text NOT NULL,
                actor   text NOT NULL,
                action  text NOT NULL,
                detail  text,
                at      {instant} NOT NULL
            );
            CREATE INDEX IF NOT EXISTS handoff_audit_by_case ON handoff_audit (case_id, id);
            """))),
        // Retention looks cases up by the request they follow.
        "CREATE INDEX IF NOT EXISTS handoff_cases_by_request ON handoff_cases (request_reference);",
    ]);

    private string InsertionOrder => database.Engine == SqlEngine.Postgres ? "ord" : "rowid";

    public async Task<(HandoffCase Case, bool Created)> OpenAsync(
        HandoffCase newCase, IReadOnlyList<HandoffMessage> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentNullException.ThrowIfNull(history);
        try
        {
            return await database.WriteAsync(async write =>
            {
                if (await FindOpenAsync(write, newCase.ChannelId, newCase.ConversationId) is { } open)
                {
                    return ((open, false), false);
                }
                await write.ExecuteAsync($"""
                    INSERT INTO handoff_cases ({HandoffCaseRow.Columns})
                    VALUES (@Id, @ChannelId, @ConversationId, @UserId, 'Waiting', @reason, @BasePriority, @RequestReference, @document,
                            @CreatedAt, NULL, NULL, NULL, NULL, NULL, NULL)
                    """, new { newCase.Id, newCase.ChannelId, newCase.ConversationId, newCase.UserId, reason = newCase.Reason.ToString(),
                        newCase.BasePriority, newCase.RequestReference, newCase.CreatedAt,
                        document = JsonSerializer.Serialize(HandoffCaseDocument.From(newCase), RequestJson.Options) });
                foreach (var line in history)
                {
                    await InsertMessageAsync(write, newCase.Id, line.Sender, line.Author, line.Text, line.At);
                }
                await AuditAsync(write, newCase.Id, "bot", "opened", newCase.Reason.ToString(), newCase.CreatedAt);
                return ((newCase with { State = HandoffCaseState.Waiting }, true), true);
            }, cancellationToken);
        }
        catch (DbException exception) when (SqlDatabase.IsUniqueViolation(exception))
        {
            // Another instance opened this conversation's case between our check and our insert.
            var winner = await FindOpenAsync(newCase.ChannelId, newCase.ConversationId, cancellationToken);
            return winner is null ? throw new InvalidOperationException("The open case vanished while opening a new one.", exception) : (winner, false);
        }
    }

    public async Task<HandoffCase?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        (await QueryCasesAsync("id = @p0", new { p0 = caseId }, cancellationToken)).FirstOrDefault();

    public async Task<HandoffCase?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        (await QueryCasesAsync(OpenCase, new { p0 = channelId, p1 = conversationId }, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<HandoffCase>> ListAsync(DateTimeOffset? closedSince, CancellationToken cancellationToken) => closedSince is { } since
        ? await QueryCasesAsync("state <> 'Closed' OR closed_at >= @p0", new { p0 = since }, cancellationToken)
        : await QueryCasesAsync("state <> 'Closed'", null, cancellationToken);

    public async Task<IReadOnlyList<HandoffCase>> ListUnclaimedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken) =>
        await QueryCasesAsync("state = 'Waiting' AND alerted_at IS NULL AND created_at < @p0", new { p0 = createdBefore }, cancellationToken);

    public Task<bool> ClaimAsync(string caseId, string advisor, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, advisor, "claimed", null, at,
            "UPDATE handoff_cases SET state = 'Claimed', claimed_by = @actor, claimed_at = @at WHERE id = @id AND state = 'Waiting'", cancellationToken);

    public Task<bool> CloseAsync(string caseId, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, actor, "closed", note, at,
            "UPDATE handoff_cases SET state = 'Closed', closed_by = @actor, closed_at = @at, close_note = @detail WHERE id = @id AND state <> 'Closed'",
            cancellationToken);

    public Task<bool> MarkAlertedAsync(string caseId, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        TransitionAsync(caseId, actor, "on-call alerted", null, at, "UPDATE handoff_cases SET alerted_at = @at WHERE id = @id AND alerted_at IS NULL",
            cancellationToken);

    public Task UpdateDetailsAsync(
        string caseId, IReadOnlyList<KeyValuePair<string, string>> details, int basePriority, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            // Locked first: a concurrent merge waits and then merges into this one's result instead of overwriting it.
            await LockCaseAsync(write, caseId);
            var current = (await QueryCasesAsync(write, "id = @p0", new { p0 = caseId })).FirstOrDefault()
                ?? throw new InvalidOperationException($"No handoff case {caseId}.");
            var merged = current.Details.Where(d => details.All(n => n.Key != d.Key)).Concat(details).ToList();
            await write.ExecuteAsync($"UPDATE handoff_cases SET document = @document, base_priority = {database.Greatest("base_priority", "@basePriority")} WHERE id = @caseId",
                new { document = JsonSerializer.Serialize(HandoffCaseDocument.From(current with { Details = merged }), RequestJson.Options), basePriority, caseId });
            await AuditAsync(write, caseId, actor, "details updated", string.Join(", ", details.Select(d => d.Key)), at);
            return (true, true);
        }, cancellationToken);

    public Task<HandoffMessage> AppendMessageAsync(
        string caseId, HandoffSender sender, string? author, string text, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(async write => (await InsertMessageAsync(write, caseId, sender, author, text, at), true), cancellationToken);

    public async Task<IReadOnlyList<HandoffMessage>> GetMessagesAsync(string caseId, long afterSequence, CancellationToken cancellationToken) =>
        (await database.QueryAsync<HandoffLineRow>("SELECT seq, sender, author, text, at FROM handoff_messages WHERE case_id = @caseId AND seq > @afterSequence ORDER BY seq",
            new { caseId, afterSequence }, cancellationToken))
            .ConvertAll(m => new HandoffMessage(caseId, m.Seq, Enum.Parse<HandoffSender>(m.Sender), m.Author, m.Text, m.At));

    public async Task<IReadOnlyList<HandoffAuditEntry>> GetAuditAsync(string caseId, CancellationToken cancellationToken) =>
        (await database.QueryAsync<HandoffLineRow>("SELECT actor, action, detail, at FROM handoff_audit WHERE case_id = @caseId ORDER BY id",
            new { caseId }, cancellationToken)).ConvertAll(a => new HandoffAuditEntry(caseId, a.Actor, a.Action, a.Detail, a.At));

    private const string OpenCase = "channel_id = @p0 AND conversation_id = @p1 AND state <> 'Closed'";

    private Task<bool> TransitionAsync(string caseId, string actor, string action, string? detail, DateTimeOffset at, string sql, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            if (await write.ExecuteAsync(sql, new { id = caseId, actor, at, detail }) == 0)
            {
                return (false, false);
            }
            await AuditAsync(write, caseId, actor, action, detail, at);
            return (true, true);
        }, cancellationToken);

    private async Task<HandoffMessage> InsertMessageAsync(SqlTransaction write, string caseId, HandoffSender sender, string? author, string text, DateTimeOffset at)
    {
        // The case's row lock serializes numbering: the user's line and an advisor's reply arriving at two
        // instances at once get consecutive numbers instead of the same MAX + 1.
        await LockCaseAsync(write, caseId);
        var sequence = await write.ScalarAsync<long>("""
            INSERT INTO handoff_messages (case_id, seq, sender, author, text, at)
            VALUES (@caseId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM handoff_messages WHERE case_id = @caseId), @sender, @author, @text, @at)
            RETURNING seq
            """, new { caseId, sender = sender.ToString(), author, text, at });
        return new HandoffMessage(caseId, sequence, sender, author, text, at);
    }

    /// <summary>Holds the case's row lock until the transaction ends, so changes to one case take turns.</summary>
    private Task<int> LockCaseAsync(SqlTransaction write, string caseId) =>
        write.ExecuteAsync($"SELECT 1 FROM handoff_cases WHERE id = @caseId {database.ForUpdate}", new { caseId });

    private static Task<int> AuditAsync(SqlTransaction write, string caseId, string actor, string action, string? detail, DateTimeOffset at) =>
        write.ExecuteAsync("INSERT INTO handoff_audit (case_id, actor, action, detail, at) VALUES (@caseId, @actor, @action, @detail, @at)",
            new { caseId, actor, action, detail, at });

    private async Task<HandoffCase?> FindOpenAsync(SqlTransaction write, string channelId, string conversationId) =>
        (await QueryCasesAsync(write, OpenCase, new { p0 = channelId, p1 = conversationId })).FirstOrDefault();

    // Conditions come from this class, never from input; values are parameters.
    private string SelectCases(string where) => $"SELECT {HandoffCaseRow.Columns} FROM handoff_cases WHERE {where} ORDER BY created_at, {InsertionOrder}";

    private async Task<List<HandoffCase>> QueryCasesAsync(string where, object? parameters, CancellationToken cancellationToken) =>
        (await database.QueryAsync<HandoffCaseRow>(SelectCases(where), parameters, cancellationToken)).ConvertAll(r => r.ToCase());

    private async Task<List<HandoffCase>> QueryCasesAsync(SqlTransaction write, string where, object? parameters) =>
        (await write.QueryAsync<HandoffCaseRow>(SelectCases(where), parameters)).ConvertAll(r => r.ToCase());
}
