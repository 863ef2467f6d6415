using System.Data.Common;
using System.Text.Json;

namespace Mvai.Bot.Desk.Roster;

/// <summary>
/// The roster's queries, the same SQL for SQLite and PostgreSQL. An advisor is one JSON document per id, so a field
/// added to <see cref="PeerAdvisor"/> needs no migration.
/// </summary>
internal abstract class SqlPeerAdvisorStore : IPeerAdvisorStore
{
    protected abstract Task<DbConnection> OpenReaderAsync(CancellationToken cancellationToken);

    protected abstract Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken);

    protected abstract object Instant(DateTimeOffset at);

    public async Task<IReadOnlyList<StoredPeerAdvisor>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = DeskSql.Command(connection, "SELECT document, version FROM peer_advisors ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var advisors = new List<StoredPeerAdvisor>();
        while (await reader.ReadAsync(cancellationToken))
        {
            advisors.Add(new StoredPeerAdvisor(JsonSerializer.Deserialize(reader.GetString(0), DeskJson.Default.PeerAdvisor)!, reader.GetInt64(1)));
        }
        return advisors;
    }

    public async Task<bool> SaveAsync(PeerAdvisor advisor, long expectedVersion, RosterAuditEntry audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(audit);
        var document = JsonSerializer.Serialize(advisor, DeskJson.Default.PeerAdvisor);
        await using var connection = await OpenWriterAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two advisors saving the same version: the conditional statement lets exactly one of them change the row.
        await using var save = DeskSql.Command(connection, expectedVersion == 0
                ? "INSERT INTO peer_advisors (id, document, version, updated_at) VALUES (@id, @document, 1, @at) ON CONFLICT (id) DO NOTHING"
                : "UPDATE peer_advisors SET document = @document, version = version + 1, updated_at = @at WHERE id = @id AND version = @version",
            ("id", advisor.Id), ("document", document), ("at", Instant(audit.At)), ("version", expectedVersion));
        save.Transaction = transaction;
        if (await save.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }
        await using var insert = DeskSql.Command(connection,
            "INSERT INTO peer_advisor_audit (advisor_id, actor, action, detail, at) VALUES (@id, @actor, @action, @detail, @at)",
            ("id", audit.AdvisorId), ("actor", audit.Actor), ("action", audit.Action), ("detail", audit.Detail), ("at", Instant(audit.At)));
        insert.Transaction = transaction;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<RosterAuditEntry>> AuditAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var command = DeskSql.Command(connection,
            "SELECT advisor_id, actor, action, detail, at FROM peer_advisor_audit ORDER BY id DESC LIMIT @max", ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<RosterAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new RosterAuditEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }
        return entries;
    }
}
