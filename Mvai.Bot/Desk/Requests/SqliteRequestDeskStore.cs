using System.Data.Common;
using System.Globalization;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Desk.Requests;

/// <summary>
/// The desk in the embedded SQLite file. Its columns are added to <c>assistance_requests</c> only when missing, so
/// starting again (or on a file from before the desk) is harmless; statuses written before it are renamed.
/// </summary>
internal sealed class SqliteRequestDeskStore : SqlRequestDeskStore
{
    private static readonly string[] DeskColumns =
        ["version INTEGER NOT NULL DEFAULT 0", "peer_advisor_id TEXT", "alerted_at TEXT", "first_contact_at TEXT", "matched_at TEXT", "finished_at TEXT",
            "first_contact_method TEXT"];

    /// <summary>
    /// First contact used to be the first move to in review, matched or connected; a review is not a contact. Rows from
    /// then keep only what still holds: a connected request was reached by the time it was marked connected.
    /// </summary>
    internal const string RecountFirstContact = """
        UPDATE assistance_requests SET first_contact_at =
            (SELECT MIN(h.at) FROM request_history h WHERE h.reference = assistance_requests.reference AND h.action = 'connected');

        """;

    private readonly SqliteStorage _database;

    /// <param name="database">The app database, where the intake's store has already created <c>assistance_requests</c>.</param>
    public SqliteRequestDeskStore(SqliteStorage database)
    {
        _database = database;
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var columns = connection.CreateCommand())
        {
            columns.Transaction = transaction;
            columns.CommandText = "SELECT name FROM pragma_table_info('assistance_requests')";
            using var reader = columns.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS request_history (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                reference TEXT NOT NULL,
                actor     TEXT NOT NULL,
                action    TEXT NOT NULL,
                detail    TEXT,
                at        TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS request_history_reference ON request_history (reference);
            """;
        // No table (the intake's store is replaced, as in tests of storage failures): nothing of it to extend.
        command.CommandText += existing.Count == 0 ? string.Empty : string.Concat(DeskColumns
                .Where(column => !existing.Contains(column.Split(' ')[0]))
                .Select(column => $"ALTER TABLE assistance_requests ADD COLUMN {column};\n"))
            // Requests from before the desk were never alerted about; alerting the team about all of them now helps nobody.
            + (existing.Contains("alerted_at") ? string.Empty : "UPDATE assistance_requests SET alerted_at = submitted_at;\n")
            + (existing.Contains("first_contact_method") ? string.Empty : RecountFirstContact) + """
            UPDATE assistance_requests SET status = 'InReview' WHERE status = 'Acknowledged';
            UPDATE assistance_requests SET status = 'Matched' WHERE status = 'Assigned';
            CREATE INDEX IF NOT EXISTS assistance_requests_unalerted ON assistance_requests (submitted_at) WHERE alerted_at IS NULL;
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    protected override Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(_database.Open());

    protected override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken) => await _database.OpenWriterAsync(cancellationToken);

    // The intake writes submitted_at as round-trip UTC text; the same form compares correctly as text.
    protected override object Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
