using Mvai.Bot.Desk.Roster;

namespace Mvai.Bot.Desk;

/// <summary>The request desk, bound from <c>Desk</c>.</summary>
public sealed class DeskOptions
{
    public const string SectionName = "Desk";

    /// <summary>The Mass Violence Peer-to-Peer Advisory Team the console suggests and assigns.</summary>
    public List<PeerAdvisor> PeerAdvisors { get; set; } = [];

    /// <summary>Longest note an advisor or the agency may add to a request.</summary>
    public int MaxNoteLength { get; set; } = 2000;

    /// <summary>How often requests no alert was stored for (the app stopped right after storing one) are looked for.</summary>
    public TimeSpan AlertSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Offer a demo advisor account in local development mode (loopback, no <c>MicrosoftAppId</c>, no accounts).</summary>
    public bool DemoAdvisor { get; set; } = true;
}
