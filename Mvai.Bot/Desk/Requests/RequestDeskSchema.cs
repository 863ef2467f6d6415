using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// The desk's columns on the intake's <c>assistance_requests</c> (registered after it) and its history table. Each
/// step adds only what is missing, so it also adopts SQLite files whose tables were made before migrations were
/// versioned; statuses written before the desk are renamed.
/// </summary>
internal static class RequestDeskSchema
{
    public static SchemaComponent Component { get; } = new("request_desk", [SchemaStep.Code(AddDeskAsync), SchemaStep.Code(AddFirstContactMethodAsync)]);

    private static async Task AddDeskAsync(SqlDatabase database, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        var added = await database.AddMissingColumnsAsync(connection, transaction, "assistance_requests",
            "version bigint NOT NULL DEFAULT 0", "peer_advisor_id text", "alerted_at {instant}", "first_contact_at {instant}",
            "matched_at {instant}", "finished_at {instant}");
        await SqlDatabase.ExecuteDdlAsync(connection, transaction, database.Ddl(
            // Requests from before the desk were never alerted about; alerting the team about all of them now helps nobody.
            (added.Contains("alerted_at") ? "UPDATE assistance_requests SET alerted_at = submitted_at;\n" : string.Empty) + """
            UPDATE assistance_requests SET status = 'InReview' WHERE status = 'Acknowledged';
            UPDATE assistance_requests SET status = 'Matched' WHERE status = 'Assigned';
            CREATE TABLE IF NOT EXISTS request_history (
                id        {identity},
                reference text NOT NULL,
                actor     text NOT NULL,
                action    text NOT NULL,
                detail    text,
                at        {instant} NOT NULL
            );
            CREATE INDEX IF NOT EXISTS request_history_reference ON request_history (reference);
            CREATE INDEX IF NOT EXISTS assistance_requests_unalerted ON assistance_requests (submitted_at) WHERE alerted_at IS NULL;
            """));
    }

    /// <summary>
    /// First contact becomes what the team records; it used to be the first move to in review, matched or connected, and
    /// a review is not a contact. Rows from then keep only what still holds: a connected request was reached by the time
    /// it was marked connected.
    /// </summary>
    private static async Task AddFirstContactMethodAsync(SqlDatabase database, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction)
    {
        if ((await database.AddMissingColumnsAsync(connection, transaction, "assistance_requests", "first_contact_method text")).Count > 0)
        {
            await SqlDatabase.ExecuteDdlAsync(connection, transaction, """
                UPDATE assistance_requests SET first_contact_at =
                    (SELECT MIN(h.at) FROM request_history h WHERE h.reference = assistance_requests.reference AND h.action = 'connected');
                """);
        }
    }
}
