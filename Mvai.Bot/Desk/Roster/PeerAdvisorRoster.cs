using Microsoft.Extensions.Options;

namespace Mvai.Bot.Desk.Roster;

/// <summary>Where a roster entry comes from: configuration only, configuration overridden in the console, or the console.</summary>
public enum RosterSource
{
    Configured,
    Edited,
    Added,
}

/// <summary>A roster entry with the version an edit must name (0: never edited, only configured).</summary>
public sealed record RosterEntry(PeerAdvisor Advisor, long Version, RosterSource Source);

/// <summary>The roster as read at one moment: find by id (retired advisors included, for past assignments) and who may be suggested.</summary>
public sealed class RosterSnapshot(IReadOnlyList<RosterEntry> entries)
{
    public IReadOnlyList<RosterEntry> Entries => entries;

    /// <summary>Advisors who may be suggested and assigned: everyone not retired.</summary>
    public IEnumerable<PeerAdvisor> Active => entries.Select(e => e.Advisor).Where(a => !a.Retired);

    public RosterEntry? Entry(string? id) =>
        id is null ? null : entries.FirstOrDefault(e => string.Equals(e.Advisor.Id, id, StringComparison.OrdinalIgnoreCase));

    public PeerAdvisor? Find(string? id) => Entry(id)?.Advisor;
}

/// <summary>
/// The roster: the configured advisors (<c>Desk:PeerAdvisors</c>, read fresh so a reload shows at once) with those
/// added or edited in the console, a stored entry overriding its configured one by id. Read from the database each
/// time, so every instance sees an edit at once.
/// </summary>
public sealed class PeerAdvisorRoster(IOptionsMonitor<DeskOptions> options, IPeerAdvisorStore store)
{
    public async Task<RosterSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var stored = (await store.ListAsync(cancellationToken))
            .ToDictionary(s => s.Advisor.Id, StringComparer.OrdinalIgnoreCase);
        var configured = options.CurrentValue.PeerAdvisors;
        var entries = configured.Select(a => stored.Remove(a.Id, out var edited)
                ? new RosterEntry(edited.Advisor, edited.Version, RosterSource.Edited)
                : new RosterEntry(a, 0, RosterSource.Configured)).ToList();
        entries.AddRange(stored.Values.Select(s => new RosterEntry(s.Advisor, s.Version, RosterSource.Added)));
        return new RosterSnapshot([.. entries.OrderBy(e => e.Advisor.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    public async Task<PeerAdvisor?> FindAsync(string? id, CancellationToken cancellationToken) =>
        id is null ? null : (await SnapshotAsync(cancellationToken)).Find(id);
}
