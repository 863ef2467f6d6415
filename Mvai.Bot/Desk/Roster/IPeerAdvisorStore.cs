namespace Mvai.Bot.Desk.Roster;

/// <summary>A roster entry kept in the database, at the version the next edit must name.</summary>
public sealed record StoredPeerAdvisor(PeerAdvisor Advisor, long Version);

/// <summary>One line of the roster's audit: who changed which advisor, how, when.</summary>
public sealed record RosterAuditEntry(string AdvisorId, string Actor, string Action, string? Detail, DateTimeOffset At);

/// <summary>The peer advisors added or edited in the console, and the audit of every change.</summary>
public interface IPeerAdvisorStore
{
    Task<IReadOnlyList<StoredPeerAdvisor>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores the advisor with its audit line in one transaction: inserted when <paramref name="expectedVersion"/> is 0
    /// (false when the id is taken), else updated only if still at that version (false when someone was faster).
    /// </summary>
    Task<bool> SaveAsync(PeerAdvisor advisor, long expectedVersion, RosterAuditEntry audit, CancellationToken cancellationToken);

    /// <summary>The latest audit lines, newest first.</summary>
    Task<IReadOnlyList<RosterAuditEntry>> AuditAsync(int max, CancellationToken cancellationToken);
}
