using System.Text.Json;
using Mvai.BotFramework.State.Relational;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// The outbox, on either engine: <c>advisor_alerts</c> keeps every alert (even with no channel configured),
/// <c>alert_outbox</c> one row per channel and recipient. Leasing is one UPDATE over due rows in a write transaction:
/// PostgreSQL picks them <c>FOR UPDATE SKIP LOCKED</c>, so instances claiming at once get different rows and never wait
/// for each other; SQLite's write transaction holds the file. An expired lease (a crashed instance) makes a row
/// claimable again.
/// </summary>
internal sealed class AlertOutboxStore(SqlDatabase database) : IAlertOutboxStore
{
    public static SchemaComponent Schema { get; } = new("alert_outbox",
    [
        SchemaStep.Code(async (database, connection, transaction) =>
        {
            await SqlDatabase.ExecuteDdlAsync(connection, transaction, database.Ddl("""
                CREATE TABLE IF NOT EXISTS advisor_alerts (
                    id         text PRIMARY KEY,
                    case_id    text NOT NULL,
                    document   text NOT NULL,
                    created_at {instant} NOT NULL
                );
                CREATE TABLE IF NOT EXISTS alert_outbox (
                    id              {identity},
                    alert_id        text NOT NULL REFERENCES advisor_alerts(id),
                    case_id         text NOT NULL,
                    channel         text NOT NULL,
                    recipient       text NOT NULL,
                    attempts        integer NOT NULL DEFAULT 0,
                    next_attempt_at {instant} NOT NULL,
                    locked_until    {instant},
                    lock_owner      text,
                    sent_at         {instant},
                    last_error      text
                );
                CREATE INDEX IF NOT EXISTS alert_outbox_due ON alert_outbox (next_attempt_at) WHERE sent_at IS NULL;
                CREATE INDEX IF NOT EXISTS alert_outbox_case ON alert_outbox (case_id);
                """));
            if (database.Engine == SqlEngine.Sqlite)
            {
                // SQLite files from before versioned migrations kept instants as Unix milliseconds: rewrite them as the
                // round-trip UTC text every store now reads and compares.
                await SqlDatabase.ExecuteDdlAsync(connection, transaction, $"""
                    UPDATE advisor_alerts SET {FromUnixMilliseconds("created_at")} WHERE typeof(created_at) = 'integer';
                    UPDATE alert_outbox SET {FromUnixMilliseconds("next_attempt_at")} WHERE typeof(next_attempt_at) = 'integer';
                    UPDATE alert_outbox SET {FromUnixMilliseconds("locked_until")} WHERE typeof(locked_until) = 'integer';
                    UPDATE alert_outbox SET {FromUnixMilliseconds("sent_at")} WHERE typeof(sent_at) = 'integer';
                    """);
            }
        }),
    ]);

    /// <summary>SQLite: sets <paramref name="column"/> from Unix milliseconds to <c>yyyy-MM-ddTHH:mm:ss.fffffff+00:00</c>.</summary>
    private static string FromUnixMilliseconds(string column) =>
        $"{column} = strftime('%Y-%m-%dT%H:%M:%S', {column} / 1000, 'unixepoch') || printf('.%03d0000+00:00', {column} % 1000)";

    public async Task AddAsync(string alertId, AdvisorAlert alert, IReadOnlyList<NewAlertDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(deliveries);
        await database.WriteAsync(async write =>
        {
            await write.ExecuteAsync(
                "INSERT INTO advisor_alerts (id, case_id, document, created_at) VALUES (@alertId, @CaseId, @document, @now)",
                new { alertId, alert.CaseId, document = JsonSerializer.Serialize(alert), now });
            await write.ExecuteAsync("""
                INSERT INTO alert_outbox (alert_id, case_id, channel, recipient, next_attempt_at)
                VALUES (@alertId, @CaseId, @Channel, @Recipient, @now)
                """, deliveries.Select(d => new { alertId, alert.CaseId, d.Channel, d.Recipient, now }));
            return (0, true);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<AlertDelivery>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var claimed = await write.QueryAsync<ClaimedRow>($"""
                UPDATE alert_outbox SET attempts = attempts + 1, locked_until = @until, lock_owner = @owner
                WHERE id IN (
                    SELECT id FROM alert_outbox
                    WHERE sent_at IS NULL AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until <= @now)
                    ORDER BY next_attempt_at, id LIMIT @max
                    {database.ForUpdateSkipLocked})
                RETURNING id, alert_id, channel, recipient, attempts
                """, new { until = now + lease, owner, now, max });
            if (claimed.Count == 0)
            {
                return ((IReadOnlyList<AlertDelivery>)[], true);
            }
            // One read per alert (a claim is usually one alert's deliveries); "IN @list" is not portable, PostgreSQL takes arrays.
            var alerts = new Dictionary<string, AdvisorAlert>(StringComparer.Ordinal);
            foreach (var alertId in claimed.Select(c => c.AlertId).Distinct())
            {
                alerts[alertId] = JsonSerializer.Deserialize<AdvisorAlert>(
                    (await write.ScalarAsync<string>("SELECT document FROM advisor_alerts WHERE id = @alertId", new { alertId }))!)!;
            }
            IReadOnlyList<AlertDelivery> deliveries =
            [
                .. claimed.OrderBy(c => c.Id).Select(c => new AlertDelivery(c.Id, c.AlertId, c.Channel, c.Recipient, c.Attempts, alerts[c.AlertId])),
            ];
            return (deliveries, true);
        }, cancellationToken);

    public Task MarkSentAsync(long deliveryId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        // Not conditional on the lease: once sent, no instance should send it again.
        database.ExecuteAsync(
            "UPDATE alert_outbox SET sent_at = @sentAt, locked_until = NULL, lock_owner = NULL, last_error = NULL WHERE id = @deliveryId",
            new { deliveryId, sentAt }, cancellationToken);

    public Task MarkFailedAsync(long deliveryId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            UPDATE alert_outbox SET next_attempt_at = @nextAttemptAt, last_error = @error, locked_until = NULL, lock_owner = NULL
            WHERE id = @deliveryId AND lock_owner = @owner AND sent_at IS NULL
            """, new { deliveryId, owner, nextAttemptAt, error }, cancellationToken);

    public async Task<IReadOnlyList<AlertDeliveryStatus>> ListForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        [
            .. (await database.QueryAsync<StatusRow>(
                "SELECT channel, attempts, sent_at, next_attempt_at, last_error FROM alert_outbox WHERE case_id = @caseId ORDER BY id",
                new { caseId }, cancellationToken))
            .Select(s => new AlertDeliveryStatus(s.Channel, s.Attempts, s.SentAt, s.NextAttemptAt, s.LastError)),
        ];

    public Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            var purged = await write.ExecuteAsync("""
                DELETE FROM alert_outbox WHERE (sent_at IS NOT NULL AND sent_at < @cutoff)
                   OR (sent_at IS NULL AND alert_id IN (SELECT id FROM advisor_alerts WHERE created_at < @cutoff))
                """, new { cutoff });
            await write.ExecuteAsync("""
                DELETE FROM advisor_alerts WHERE created_at < @cutoff
                  AND NOT EXISTS (SELECT 1 FROM alert_outbox o WHERE o.alert_id = advisor_alerts.id)
                """, new { cutoff });
            return (purged, true);
        }, cancellationToken);

    public Task DeleteForCaseAsync(string caseId, CancellationToken cancellationToken) =>
        database.WriteAsync(async write =>
        {
            await write.ExecuteAsync("DELETE FROM alert_outbox WHERE case_id = @caseId", new { caseId });
            await write.ExecuteAsync("DELETE FROM advisor_alerts WHERE case_id = @caseId", new { caseId });
            return (0, true);
        }, cancellationToken);

    private sealed class ClaimedRow
    {
        public long Id { get; set; }
        public string AlertId { get; set; } = "";
        public string Channel { get; set; } = "";
        public string Recipient { get; set; } = "";
        public int Attempts { get; set; }
    }

    private sealed class StatusRow
    {
        public string Channel { get; set; } = "";
        public int Attempts { get; set; }
        public DateTimeOffset? SentAt { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; }
        public string? LastError { get; set; }
    }
}
