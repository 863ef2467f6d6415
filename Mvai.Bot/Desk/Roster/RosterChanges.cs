namespace Mvai.Bot.Desk.Roster;

/// <summary>Stores a roster change with its audit line (who, what, when) and logs it without names or contacts.</summary>
public sealed class RosterChanges(IPeerAdvisorStore store, TimeProvider clock, ILogger<RosterChanges> logger)
{
    /// <summary>
    /// Saves <paramref name="advisor"/> over <paramref name="before"/> (null when added); the new version, or null when
    /// someone changed it since (or added the same id).
    /// </summary>
    public async Task<long?> SaveAsync(PeerAdvisor advisor, RosterEntry? before, string action, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var detail = before is null ? $"{advisor.Name} added" : RosterViews.Changes(before.Advisor, advisor);
        var audit = new RosterAuditEntry(advisor.Id, actor, action, detail, clock.GetUtcNow());
        if (!await store.SaveAsync(advisor, before?.Version ?? 0, audit, cancellationToken))
        {
            return null;
        }
        // Their id is often their surname: the audit, not the log, says whom.
        DeskLog.RosterChanged(logger, action);
        return (before?.Version ?? 0) + 1;
    }
}
