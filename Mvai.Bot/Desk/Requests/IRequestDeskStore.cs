namespace Mvai.Bot.Desk.Requests;

/// <summary>The request desk's view of <c>assistance_requests</c>, plus each request's history.</summary>
public interface IRequestDeskStore
{
    Task<IReadOnlyList<DeskRequest>> ListAsync(CancellationToken cancellationToken);

    Task<DeskRequest?> GetAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the change and records its history line in one transaction, only if the request is still at the
    /// expected version and in an allowed status (one conditional UPDATE, so of two concurrent changes one wins).
    /// </summary>
    Task<bool> ChangeAsync(RequestChange change, CancellationToken cancellationToken);

    /// <summary>
    /// Records a contact with the agency and its history line in one transaction; the request's first contact becomes
    /// the earliest recorded. False when the request is unknown or no longer open.
    /// </summary>
    Task<bool> RecordContactAsync(ContactRecord record, CancellationToken cancellationToken);

    /// <summary>Adds a history line (a note, the agency's addition) without changing the status; false for an unknown reference.</summary>
    Task<bool> AddHistoryAsync(string reference, RequestHistoryEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<RequestHistoryEntry>> HistoryAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Marks the team as alerted about the request; false when it already was (by this or another instance).</summary>
    Task<bool> MarkAlertedAsync(string reference, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Undoes <see cref="MarkAlertedAsync"/> when the alert could not be stored, so the sweep tries again.</summary>
    Task ClearAlertedAsync(string reference, CancellationToken cancellationToken);

    /// <summary>References of requests submitted before <paramref name="before"/> that no alert was stored for.</summary>
    Task<IReadOnlyList<string>> ListUnalertedAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Deletes the history of a request being deleted, and of requests no longer stored (purged by retention).</summary>
    Task<int> DeleteHistoryAsync(string? reference, CancellationToken cancellationToken);
}
