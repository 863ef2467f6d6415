using System.Data.Common;
using System.Globalization;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Desk.Roster;

/// <summary>The roster in the embedded SQLite file; its tables are created only when missing, so starting again is harmless.</summary>
internal sealed class SqlitePeerAdvisorStore : SqlPeerAdvisorStore
{
    private readonly SqliteStorage _database;

    public SqlitePeerAdvisorStore(SqliteStorage database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS peer_advisors (
                id         TEXT PRIMARY KEY COLLATE NOCASE,
                document   TEXT NOT NULL,
                version    INTEGER NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS peer_advisor_audit (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                advisor_id TEXT NOT NULL,
                actor      TEXT NOT NULL,
                action     TEXT NOT NULL,
                detail     TEXT,
                at         TEXT NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }

    protected override Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(_database.Open());

    protected override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => await _database.OpenWriterAsync(cancellationToken);

    protected override object Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
