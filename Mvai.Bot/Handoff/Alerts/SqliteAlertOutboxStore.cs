using System.Text.Json;
using Microsoft.Data.Sqlite;
using Mvai.BotFramework.State;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// The outbox in the app's SQLite file: <c>advisor_alerts</c> keeps every alert (even with no channel configured),
/// <c>alert_outbox</c> one row per channel and recipient. Instants are Unix milliseconds, so due checks compare numbers.
/// </summary>
internal sealed class SqliteAlertOutboxStore : IAlertOutboxStore
{
    private readonly SqliteStorage _database;

    public SqliteAlertOutboxStore(SqliteStorage database)
    {
        _database = database;
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS advisor_alerts (
                id         TEXT PRIMARY KEY,
                case_id    TEXT NOT NULL,
                document   TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE IF NOT EXISTS alert_outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                alert_id        TEXT NOT NULL REFERENCES advisor_alerts(id),
                case_id         TEXT NOT NULL,
                channel         TEXT NOT NULL,
                recipient       TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                locked_until    INTEGER,
                lock_owner      TEXT,
                sent_at         INTEGER,
                last_error      TEXT
            );
            CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (next_attempt_at) WHERE sent_at IS NULL;
            CREATE INDEX IF NOT EXISTS alert_outbox_case ON alert_outbox (case_id);
            """;
        command.ExecuteNonQuery();
    }

    public async Task AddAsync(string alertId, AdvisorAlert alert, IReadOnlyList<NewAlertDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO advisor_alerts (id, case_id, document, created_at) VALUES ($id, $case, $document, $now)";
            insert.Parameters.AddWithValue("$id", alertId);
            insert.Parameters.AddWithValue("$case", alert.CaseId);
            insert.Parameters.AddWithValue("$document", JsonSerializer.Serialize(alert));
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var delivery in deliveries)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO alert_outbox (alert_id, case_id, channel, recipient, next_attempt_at)
                VALUES ($alert, $case, $channel, $recipient, $now)
                """;
            insert.Parameters.AddWithValue("$alert", alertId);
            insert.Parameters.AddWithValue("$case", alert.CaseId);
            insert.Parameters.AddWithValue("$channel", delivery.Channel);
            insert.Parameters.AddWithValue("$recipient", delivery.Recipient);
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertDelivery>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        // One statement: SQLite runs it under the write lock, so two instances never lease the same row.
        // An expired lease (a crashed or stalled instance) makes the row claimable again.
        var claimed = new List<(long Id, string AlertId, string Channel, string Recipient, int Attempt)>();
        await using (var claim = connection.CreateCommand())
        {
            claim.CommandText = """
                UPDATE alert_outbox SET attempts = attempts + 1, locked_until = $until, lock_owner = $owner
                WHERE id IN (
                    SELECT id FROM alert_outbox
                    WHERE sent_at IS NULL AND next_attempt_at <= $now AND (locked_until IS NULL OR locked_until <= $now)
                    ORDER BY next_attempt_at, id LIMIT $max)
                RETURNING id, alert_id, channel, recipient, attempts
                """;
            claim.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
            claim.Parameters.AddWithValue("$owner", owner);
            claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            claim.Parameters.AddWithValue("$max", max);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4)));
            }
        }
        var alerts = new Dictionary<string, AdvisorAlert>(StringComparer.Ordinal);
        foreach (var alertId in claimed.Select(row => row.AlertId).Distinct())
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT document FROM advisor_alerts WHERE id = $id";
            read.Parameters.AddWithValue("$id", alertId);
            var document = (string)(await read.ExecuteScalarAsync(cancellationToken))!;
            alerts[alertId] = JsonSerializer.Deserialize<AdvisorAlert>(document)!;
        }
        return [.. claimed.Select(row => new AlertDelivery(row.Id, row.AlertId, row.Channel, row.Recipient, row.Attempt, alerts[row.AlertId]))];
    }

    public async Task MarkSentAsync(long deliveryId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        // Not conditional on the lease: once sent, no instance should send it again.
        await ExecuteAsync(
            "UPDATE alert_outbox SET sent_at = $at, locked_until = NULL, lock_owner = NULL, last_error = NULL WHERE id = $id",
            [("$id", deliveryId), ("$at", sentAt.ToUnixTimeMilliseconds())],
            cancellationToken);
    }

    public async Task MarkFailedAsync(long deliveryId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            """
            UPDATE alert_outbox SET next_attempt_at = $next, last_error = $error, locked_until = NULL, lock_owner = NULL
            WHERE id = $id AND lock_owner = $owner AND sent_at IS NULL
            """,
            [("$id", deliveryId), ("$owner", owner), ("$next", nextAttemptAt.ToUnixTimeMilliseconds()), ("$error", error)],
            cancellationToken);
    }

    public async Task<IReadOnlyList<AlertDeliveryStatus>> ListForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = _database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, attempts, sent_at, next_attempt_at, last_error FROM alert_outbox WHERE case_id = $case ORDER BY id";
        command.Parameters.AddWithValue("$case", caseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<AlertDeliveryStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses.Add(new AlertDeliveryStatus(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return statuses;
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var deliveries = connection.CreateCommand();
        deliveries.Transaction = transaction;
        deliveries.CommandText = """
            DELETE FROM alert_outbox WHERE (sent_at IS NOT NULL AND sent_at < $cutoff)
               OR (sent_at IS NULL AND alert_id IN (SELECT id FROM advisor_alerts WHERE created_at < $cutoff))
            """;
        deliveries.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        var purged = await deliveries.ExecuteNonQueryAsync(cancellationToken);
        await using var alerts = connection.CreateCommand();
        alerts.Transaction = transaction;
        alerts.CommandText = """
            DELETE FROM advisor_alerts WHERE created_at < $cutoff
              AND NOT EXISTS (SELECT 1 FROM alert_outbox o WHERE o.alert_id = advisor_alerts.id)
            """;
        alerts.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        await alerts.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public Task DeleteForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            DELETE FROM alert_outbox WHERE case_id = $case;
            DELETE FROM advisor_alerts WHERE case_id = $case;
            """,
            [("$case", caseId)],
            cancellationToken);

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenSqliteWriterAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
