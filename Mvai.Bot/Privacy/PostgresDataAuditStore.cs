using Mvai.BotFramework.State.Postgres;

namespace Mvai.Bot.Privacy;

/// <summary>The data-request audit in the shared PostgreSQL database.</summary>
internal sealed class PostgresDataAuditStore : IDataAuditStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE data_request_audit (
            id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            action    text NOT NULL,
            reference text NOT NULL,
            actor     text NOT NULL,
            at        timestamptz NOT NULL
        );
        CREATE INDEX data_request_audit_by_reference ON data_request_audit (reference, id);
        """,
    ];

    private readonly PostgresDatabase _database;

    public PostgresDataAuditStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("data_request_audit", Migrations);
    }

    public async Task RecordAsync(DataAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _database.DataSource.CreateCommand(
            "INSERT INTO data_request_audit (action, reference, actor, at) VALUES (@action, @reference, @actor, @at)");
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("reference", entry.Reference);
        command.Parameters.AddWithValue("actor", entry.Actor);
        command.Parameters.AddWithValue("at", entry.At.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DataAuditEntry>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT action, reference, actor, at FROM data_request_audit WHERE reference = @reference ORDER BY id");
        command.Parameters.AddWithValue("reference", reference);
        var entries = new List<DataAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DataAuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return entries;
    }
}
