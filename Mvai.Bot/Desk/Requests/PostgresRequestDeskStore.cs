using System.Data.Common;
using Mvai.BotFramework.State.Postgres;

namespace Mvai.Bot.Desk.Requests;

/// <summary>The desk in PostgreSQL: migrations add its columns and history table, renaming statuses written before it.</summary>
internal sealed class PostgresRequestDeskStore : SqlRequestDeskStore
{
    private static readonly string[] Migrations =
    [
        """
        ALTER TABLE assistance_requests
            ADD COLUMN version bigint NOT NULL DEFAULT 0,
            ADD COLUMN peer_advisor_id text,
            ADD COLUMN alerted_at timestamptz,
            ADD COLUMN first_contact_at timestamptz,
            ADD COLUMN matched_at timestamptz,
            ADD COLUMN finished_at timestamptz;
        -- Requests from before the desk were never alerted about; alerting the team about all of them now helps nobody.
        UPDATE assistance_requests SET alerted_at = submitted_at;
        UPDATE assistance_requests SET status = 'InReview' WHERE status = 'Acknowledged';
        UPDATE assistance_requests SET status = 'Matched' WHERE status = 'Assigned';
        CREATE TABLE request_history (
            id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference text NOT NULL,
            actor     text NOT NULL,
            action    text NOT NULL,
            detail    text,
            at        timestamptz NOT NULL
        );
        CREATE INDEX request_history_reference ON request_history (reference);
        CREATE INDEX assistance_requests_unalerted ON assistance_requests (submitted_at) WHERE alerted_at IS NULL;
        """,
        // First contact becomes what the team records; see SqliteRequestDeskStore.RecountFirstContact.
        "ALTER TABLE assistance_requests ADD COLUMN first_contact_method text;\n" + SqliteRequestDeskStore.RecountFirstContact,
    ];

    private readonly PostgresDatabase _database;

    /// <param name="database">The app database, where the intake's store has already created <c>assistance_requests</c>.</param>
    public PostgresRequestDeskStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("request_desk", Migrations);
    }

    protected override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) => await _database.OpenAsync(cancellationToken);

    protected override Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => OpenReaderAsync(cancellationToken);

    protected override object Instant(DateTimeOffset at) => at.ToUniversalTime();
}
