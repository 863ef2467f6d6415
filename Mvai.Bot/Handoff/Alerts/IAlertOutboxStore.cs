namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// The durable outbox. Implementations must make <see cref="ClaimDueAsync"/> atomic across instances
/// (SQLite: one UPDATE … RETURNING under the write lock; PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).
/// </summary>
internal interface IAlertOutboxStore
{
    /// <summary>Stores the alert and its deliveries in one transaction; all are due at <paramref name="now"/>.</summary>
    Task AddAsync(string alertId, AdvisorAlert alert, IReadOnlyList<NewAlertDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> unsent, due, unleased deliveries to <paramref name="owner"/> and counts the attempt.</summary>
    Task<IReadOnlyList<AlertDelivery>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task MarkSentAsync(long deliveryId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Releases the lease and schedules the next attempt; <paramref name="error"/> must hold no personal data.</summary>
    Task MarkFailedAsync(long deliveryId, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<AlertDeliveryStatus>> ListForCaseAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes deliveries sent before <paramref name="cutoff"/>, and those of alerts created before it that were never
    /// sent (the outbox retries without end, and an alert older than the retention period helps no one but still names
    /// the user), then alerts created before it with no delivery left. Returns how many deliveries.
    /// </summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes a case's alerts and their deliveries, sent or not (the case itself is being deleted).</summary>
    Task DeleteForCaseAsync(string caseId, CancellationToken cancellationToken);
}
