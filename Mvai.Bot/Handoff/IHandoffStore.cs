namespace Mvai.Bot.Handoff;

/// <summary>
/// The durable advisor queue: cases, their messages and the audit trail. Every change is stored, with its
/// audit entry in the same transaction, before anyone is told it happened.
/// </summary>
public interface IHandoffStore
{
    /// <summary>Adds a waiting case, or returns the conversation's case that is already open.</summary>
    Task<(HandoffCase Case, bool Created)> OpenAsync(HandoffCase newCase, IReadOnlyList<HandoffMessage> history, CancellationToken cancellationToken);

    Task<HandoffCase?> GetAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The conversation's waiting or claimed case, if any.</summary>
    Task<HandoffCase?> FindOpenAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Open cases, plus cases closed after <paramref name="closedSince"/> when given.</summary>
    Task<IReadOnlyList<HandoffCase>> ListAsync(DateTimeOffset? closedSince, CancellationToken cancellationToken);

    /// <summary>Waiting to claimed; false when it is no longer waiting (someone else was faster).</summary>
    Task<bool> ClaimAsync(string caseId, string advisor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Open to closed; false when it was already closed.</summary>
    Task<bool> CloseAsync(string caseId, string actor, string? note, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the on-call advisor was alerted; false when it already was (so one alert per case).</summary>
    Task<bool> MarkAlertedAsync(string caseId, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Merges details (e.g. triage answers) into the case and optionally raises its priority.</summary>
    Task UpdateDetailsAsync(string caseId, IReadOnlyList<KeyValuePair<string, string>> details, int basePriority, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Appends a line to the case's conversation and returns it with its sequence number.</summary>
    Task<HandoffMessage> AppendMessageAsync(string caseId, HandoffSender sender, string? author, string text, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<HandoffMessage>> GetMessagesAsync(string caseId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>Waiting cases created before <paramref name="createdBefore"/> whose on-call advisor was not alerted yet.</summary>
    Task<IReadOnlyList<HandoffCase>> ListUnclaimedAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);

    Task<IReadOnlyList<HandoffAuditEntry>> GetAuditAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Every case of one conversation, open or closed, oldest first (for exporting a request).</summary>
    Task<IReadOnlyList<HandoffCase>> ListForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the conversation's closed cases with their messages and audit; returns their ids. Open cases stay:
    /// callers refuse to delete while one is open.
    /// </summary>
    Task<IReadOnlyList<string>> DeleteClosedForConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes cases closed before <paramref name="cutoff"/>, with their messages and audit, unless the request they
    /// follow up is still stored (they go with it). Open cases are never purged. Returns how many cases.
    /// </summary>
    Task<int> PurgeClosedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
