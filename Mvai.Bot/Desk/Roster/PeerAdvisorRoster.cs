using Microsoft.Extensions.Options;

namespace Mvai.Bot.Desk.Roster;

/// <summary>The configured roster, read fresh each time so a configuration reload shows at once.</summary>
public sealed class PeerAdvisorRoster(IOptionsMonitor<DeskOptions> options)
{
    public IReadOnlyList<PeerAdvisor> All => options.CurrentValue.PeerAdvisors;

    public PeerAdvisor? Find(string? id) =>
        id is null ? null : All.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));
}
