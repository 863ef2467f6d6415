using System.Data.Common;
using Mvai.BotFramework.State.Postgres;

namespace Mvai.Bot.Desk.Roster;

/// <summary>The roster in PostgreSQL, its tables made by a migration.</summary>
internal sealed class PostgresPeerAdvisorStore : SqlPeerAdvisorStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE peer_advisors (
            id         text PRIMARY KEY,
            document   text NOT NULL,
            version    bigint NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE TABLE peer_advisor_audit (
            id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            advisor_id text NOT NULL,
            actor      text NOT NULL,
            action     text NOT NULL,
            detail     text,
            at         timestamptz NOT NULL
        );
        """,
    ];

    private readonly PostgresDatabase _database;

    public PostgresPeerAdvisorStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("peer_advisor_roster", Migrations);
    }

    protected override async Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) => await _database.OpenAsync(cancellationToken);

    protected override Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => OpenReaderAsync(cancellationToken);

    protected override object Instant(DateTimeOffset at) => at.ToUniversalTime();
}
