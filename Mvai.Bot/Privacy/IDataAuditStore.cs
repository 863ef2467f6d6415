namespace Mvai.Bot.Privacy;

/// <summary>Who exported or deleted which request, when. Holds no personal data: a reference, an advisor id, a time.</summary>
public sealed record DataAuditEntry(string Action, string Reference, string Actor, DateTimeOffset At);

/// <summary>
/// The audit trail of data requests. It outlives what it describes (a deletion must stay provable), so retention
/// never purges it.
/// </summary>
public interface IDataAuditStore
{
    Task RecordAsync(DataAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries for <paramref name="reference"/>, oldest first.</summary>
    Task<IReadOnlyList<DataAuditEntry>> ListAsync(string reference, CancellationToken cancellationToken);
}
