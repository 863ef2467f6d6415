using System.Text.Json;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Intake.Requests;

/// <summary>
/// Requests, on either engine. A reference's yearly sequence is taken in the same transaction as the insert, so a
/// reference is never handed out for a request that was not stored, and a retried submission (same id) takes no number.
/// </summary>
internal sealed class AssistanceRequestStore(SqlDatabase database, TimeProvider clock) : IAssistanceRequestStore
{
    public static SchemaComponent Schema { get; } = new("assistance_requests",
    [
        """
        CREATE TABLE IF NOT EXISTS request_sequences (year integer PRIMARY KEY, last bigint NOT NULL);
        CREATE TABLE IF NOT EXISTS assistance_requests (
            reference       text PRIMARY KEY,
            submission_id   text NOT NULL UNIQUE,
            channel_id      text NOT NULL,
            conversation_id text NOT NULL,
            user_id         text NOT NULL,
            status          text NOT NULL,
            document        text NOT NULL,
            submitted_at    {instant} NOT NULL,
            updated_at      {instant} NOT NULL
        );
        """,
    ]);

    private const string Insert = """
        INSERT INTO assistance_requests
            (reference, submission_id, channel_id, conversation_id, user_id, status, document, submitted_at, updated_at)
        """;

    public async Task<StoredAssistanceRequest> SubmitAsync(string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(submissionId);
        ArgumentNullException.ThrowIfNull(draft);
        var now = clock.GetUtcNow();
        var submission = new
        {
            year = now.Year, submission = submissionId, channel = draft.ChannelId, conversation = draft.ConversationId, user = draft.UserId,
            status = RequestStatus.New.ToString(), at = now,
        };
        if (database.Engine == SqlEngine.Postgres)
        {
            return await SubmitInOneStatementAsync(submission, draft, now, cancellationToken)
                // Null: this submission is already stored (perhaps by another instance a moment ago).
                ?? (await FindAsync("submission_id", submissionId, cancellationToken))!;
        }
        // The request is confirmed to the chief as soon as this returns, so its commit is on disk.
        return await database.WriteDurablyAsync(async connection =>
        {
            await using var transaction = await database.BeginWriteAsync(connection, cancellationToken);
            var write = new SqlTransaction(connection, transaction, cancellationToken);
            if ((await write.QueryAsync<Row>("SELECT document, status FROM assistance_requests WHERE submission_id = @submission", submission))
                .SingleOrDefault() is { } existing)
            {
                return existing.ToRequest();
            }
            var sequence = await write.ScalarAsync<long>(
                "INSERT INTO request_sequences (year, last) VALUES (@year, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last", submission);
            var stored = draft.Submitted(ReferenceNumbers.Format(now.Year, sequence), now);
            await write.ExecuteAsync(Insert + " VALUES (@reference, @submission, @channel, @conversation, @user, @status, @document, @at, @at)",
                new { reference = stored.Reference, submission.submission, submission.channel, submission.conversation, submission.user, submission.status,
                    document = JsonSerializer.Serialize(stored, RequestJson.Options), at = now });
            await transaction.CommitAsync(cancellationToken);
            return stored;
        }, cancellationToken);
    }

    public Task<StoredAssistanceRequest?> FindAsync(string reference, CancellationToken cancellationToken) =>
        FindAsync("reference", reference, cancellationToken);

    public Task<int> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        // Handoff cases live in the same database; a request an advisor took over is done once its cases are closed.
        database.ExecuteAsync("""
            DELETE FROM assistance_requests
            WHERE updated_at < @cutoff
              AND (status IN ('Closed', 'Withdrawn') OR status = 'New' AND EXISTS (SELECT 1 FROM handoff_cases c WHERE c.request_reference = assistance_requests.reference))
              AND NOT EXISTS (SELECT 1 FROM handoff_cases c WHERE c.request_reference = assistance_requests.reference
                              AND (c.state <> 'Closed' OR c.closed_at >= @cutoff))
            """, new { cutoff }, cancellationToken);

    public async Task<bool> DeleteAsync(string reference, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM assistance_requests WHERE reference = @reference", new { reference }, cancellationToken) > 0;

    /// <summary>
    /// PostgreSQL: the sequence row is locked only while the server runs one statement and commits; taken in two round
    /// trips, every submission of every instance queued behind the app's own scheduling (25 ms on average per submission
    /// at 64 concurrent conversations in the load benchmark). The reference is formatted as ReferenceNumbers.Format does
    /// and written into the document too.
    /// </summary>
    private async Task<StoredAssistanceRequest?> SubmitInOneStatementAsync(object submission, StoredAssistanceRequest draft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var reference = (await database.QueryAsync<string>($$"""
                WITH next AS (
                    INSERT INTO request_sequences AS s (year, last)
                    SELECT @year, 1 WHERE NOT EXISTS (SELECT 1 FROM assistance_requests WHERE submission_id = @submission)
                    ON CONFLICT (year) DO UPDATE SET last = s.last + 1
                    RETURNING last
                ), numbered AS (
                    SELECT 'MVAI-' || @year || '-' || lpad(last::text, greatest(4, length(last::text)), '0') AS reference FROM next
                )
                {{Insert}}
                SELECT reference, @submission, @channel, @conversation, @user, @status,
                       jsonb_set(@document::jsonb, '{reference}', to_jsonb(reference))::text, @at, @at
                FROM numbered
                RETURNING reference
                """, WithDocument(submission, JsonSerializer.Serialize(draft.Submitted(string.Empty, now), RequestJson.Options)), cancellationToken))
                .SingleOrDefault();
            // No row: this submission was already stored before the statement began.
            return reference is null ? null : draft.Submitted(reference, now);
        }
        catch (System.Data.Common.DbException conflict) when (SqlDatabase.IsUniqueViolation(conflict))
        {
            // The same submission, stored by another instance while this statement waited for the sequence row: the
            // failed statement took back its number, so references stay gap-free.
            return null;
        }
    }

    private async Task<StoredAssistanceRequest?> FindAsync(string column, string value, CancellationToken cancellationToken) =>
        // The column name comes from this class, never from input.
        (await database.QueryAsync<Row>($"SELECT document, status FROM assistance_requests WHERE {column} = @value", new { value }, cancellationToken))
            .SingleOrDefault()?.ToRequest();

    private static Dapper.DynamicParameters WithDocument(object submission, string document)
    {
        var parameters = new Dapper.DynamicParameters(submission);
        parameters.Add("document", document);
        return parameters;
    }

    private sealed class Row
    {
        public string Document { get; set; } = "";
        public string Status { get; set; } = "";

        public StoredAssistanceRequest ToRequest()
        {
            var stored = JsonSerializer.Deserialize<StoredAssistanceRequest>(Document, RequestJson.Options)!;
            stored.Status = RequestStatuses.Parse(Status);
            return stored;
        }
    }
}
