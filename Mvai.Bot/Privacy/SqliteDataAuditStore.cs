using System.Globalization;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Privacy;

/// <summary>The data-request audit in the app's SQLite file.</summary>
internal sealed class SqliteDataAuditStore : IDataAuditStore
{
    private readonly SqliteStorage _database;

    public SqliteDataAuditStore(SqliteStorage database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS data_request_audit (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                action    TEXT NOT NULL,
                reference TEXT NOT NULL,
                actor     TEXT NOT NULL,
                at        TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS data_request_audit_by_reference ON data_request_audit (reference, id);
            """;
        command.ExecuteNonQuery();
    }

    public async Task RecordAsync(DataAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await _database.OpenWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO data_request_audit (action, reference, actor, at) VALUES ($action, $reference, $actor, $at)";
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$reference", entry.Reference);
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DataAuditEntry>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT action, reference, actor, at FROM data_request_audit WHERE reference = $reference ORDER BY id";
        command.Parameters.AddWithValue("$reference", reference);
        var entries = new List<DataAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DataAuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }
        return entries;
    }
}
