using System.Text.Json;
using Mvai.BotFramework.State.Postgres;
using Npgsql;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// The outbox in PostgreSQL, with the same tables as <see cref="SqliteAlertOutboxStore"/>. Leasing is one UPDATE over
/// rows picked <c>FOR UPDATE SKIP LOCKED</c>: instances claiming at once each get different rows, never wait for
/// each other, and an expired lease (a crashed instance) makes a row claimable again.
/// </summary>
internal sealed class PostgresAlertOutboxStore : IAlertOutboxStore
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE advisor_alerts (
            id         text PRIMARY KEY,
            case_id    text NOT NULL,
            document   text NOT NULL,
            created_at timestamptz NOT NULL
        );
        CREATE TABLE alert_outbox (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            alert_id        text NOT NULL REFERENCES advisor_alerts(id),
            case_id         text NOT NULL,
            channel         text NOT NULL,
            recipient       text NOT NULL,
            attempts        integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL,
            locked_until    timestamptz,
            lock_owner      text,
            sent_at         timestamptz,
            last_error      text
        );
        CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE sent_at IS NULL;
        CREATE INDEX alert_outbox_case ON alert_outbox (case_id);
        """,
    ];

    private readonly PostgresDatabase _database;

    public PostgresAlertOutboxStore(PostgresDatabase database)
    {
        _database = database;
        database.Migrate("alert_outbox", Migrations);
    }

    public async Task AddAsync(string alertId, AdvisorAlert alert, IReadOnlyList<NewAlertDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(deliveries);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO advisor_alerts (id, case_id, document, created_at) VALUES (@id, @case, @document, @now)", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", alertId);
            insert.Parameters.AddWithValue("case", alert.CaseId);
            insert.Parameters.AddWithValue("document", JsonSerializer.Serialize(alert));
            insert.Parameters.AddWithValue("now", now.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var delivery in deliveries)
        {
            await using var insert = new NpgsqlCommand("""
                INSERT INTO alert_outbox (alert_id, case_id, channel, recipient, next_attempt_at)
                VALUES (@alert, @case, @channel, @recipient, @now)
                """, connection, transaction);
            insert.Parameters.AddWithValue("alert", alertId);
            insert.Parameters.AddWithValue("case", alert.CaseId);
            insert.Parameters.AddWithValue("channel", delivery.Channel);
            insert.Parameters.AddWithValue("recipient", delivery.Recipient);
            insert.Parameters.AddWithValue("now", now.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertDelivery>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var claim = _database.DataSource.CreateCommand("""
            WITH due AS (
                SELECT id FROM alert_outbox
                WHERE sent_at IS NULL AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until <= @now)
                ORDER BY next_attempt_at, id LIMIT @max
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE alert_outbox o SET attempts = o.attempts + 1, locked_until = @until, lock_owner = @owner
                FROM due WHERE o.id = due.id
                RETURNING o.id, o.alert_id, o.channel, o.recipient, o.attempts)
            SELECT claimed.id, claimed.alert_id, claimed.channel, claimed.recipient, claimed.attempts, a.document
            FROM claimed JOIN advisor_alerts a ON a.id = claimed.alert_id
            ORDER BY claimed.id
            """);
        claim.Parameters.AddWithValue("until", (now + lease).ToUniversalTime());
        claim.Parameters.AddWithValue("owner", owner);
        claim.Parameters.AddWithValue("now", now.ToUniversalTime());
        claim.Parameters.AddWithValue("max", max);
        var deliveries = new List<AlertDelivery>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new AlertDelivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                JsonSerializer.Deserialize<AdvisorAlert>(reader.GetString(5))!));
        }
        return deliveries;
    }

    public Task MarkSentAsync(long deliveryId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        // Not conditional on the lease: once sent, no instance should send it again.
        ExecuteAsync(
            "UPDATE alert_outbox SET sent_at = @at, locked_until = NULL, lock_owner = NULL, last_error = NULL WHERE id = @id",
            [("id", deliveryId), ("at", sentAt.ToUniversalTime())],
            cancellationToken);

    public Task MarkFailedAsync(long deliveryId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE alert_outbox SET next_attempt_at = @next, last_error = @error, locked_until = NULL, lock_owner = NULL
            WHERE id = @id AND lock_owner = @owner AND sent_at IS NULL
            """,
            [("id", deliveryId), ("owner", owner), ("next", nextAttemptAt.ToUniversalTime()), ("error", error)],
            cancellationToken);

    public async Task<IReadOnlyList<AlertDeliveryStatus>> ListForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT channel, attempts, sent_at, next_attempt_at, last_error FROM alert_outbox WHERE case_id = @case ORDER BY id");
        command.Parameters.AddWithValue("case", caseId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statuses = new List<AlertDeliveryStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statuses.Add(new AlertDeliveryStatus(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return statuses;
    }

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var deliveries = new NpgsqlCommand("""
            DELETE FROM alert_outbox WHERE (sent_at IS NOT NULL AND sent_at < @cutoff)
               OR (sent_at IS NULL AND alert_id IN (SELECT id FROM advisor_alerts WHERE created_at < @cutoff))
            """, connection, transaction);
        deliveries.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        var purged = await deliveries.ExecuteNonQueryAsync(cancellationToken);
        await using var alerts = new NpgsqlCommand("""
            DELETE FROM advisor_alerts a WHERE a.created_at < @cutoff
              AND NOT EXISTS (SELECT 1 FROM alert_outbox o WHERE o.alert_id = a.id)
            """, connection, transaction);
        alerts.Parameters.AddWithValue("cutoff", cutoff.ToUniversalTime());
        await alerts.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purged;
    }

    public async Task DeleteForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM alert_outbox WHERE case_id = @case", [("case", caseId)], cancellationToken);
        await ExecuteAsync("DELETE FROM advisor_alerts WHERE case_id = @case", [("case", caseId)], cancellationToken);
    }
}
