namespace Mvai.Bot.Intake.Requests;

/// <summary>Durable store of confirmed requests for assistance.</summary>
public interface IAssistanceRequestStore
{
    /// <summary>
    /// Stores a confirmed request and gives it its reference (<c>MVAI-2026-0042</c>). Idempotent by
    /// <paramref name="submissionId"/>: submitting the same intake again (a retry after a failure, a channel's
    /// repeated activity) returns the request already stored instead of creating a second one.
    /// </summary>
    Task<StoredAssistanceRequest> SubmitAsync(string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken);

    /// <summary>The request with this reference, or null.</summary>
    Task<StoredAssistanceRequest?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes requests last updated before <paramref name="cutoff"/> that are done: closed or withdrawn, or still new
    /// but handed over to an advisor in handoff cases all closed before the cutoff. A request with an open case, one the
    /// desk is working (in review, matched, connected), or one neither finished nor handed over, stays. Returns how many.
    /// </summary>
    Task<int> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Deletes one request on demand; false when there is none with this reference.</summary>
    Task<bool> DeleteAsync(string reference, CancellationToken cancellationToken);
}
