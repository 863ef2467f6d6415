namespace Mvai.Bot.Desk.Roster;

/// <summary>
/// A member of the Mass Violence Peer-to-Peer Advisory Team, configured under <c>Desk:PeerAdvisors</c> like the
/// advisor accounts. Incidents and topics use the words of <see cref="MatchVocabulary"/>; regions are state codes.
/// </summary>
public sealed class PeerAdvisor
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    /// <summary>Their role and agency as the requester should hear them ("Chief of Police, Parkland Police Department").</summary>
    public string Role { get; set; } = string.Empty;
    public string Agency { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;

    /// <summary>Events they led their agency through: <c>school</c>, <c>workplace</c>, <c>shooting</c>, … (<see cref="MatchVocabulary.Incidents"/>).</summary>
    public List<string> Incidents { get; set; } = [];

    /// <summary>What they can advise on: <c>media</c>, <c>families</c>, <c>wellness</c>, <c>partners</c>, <c>recovery</c>.</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Their own state (two letters), for "same state" and "same region".</summary>
    public string State { get; set; } = string.Empty;

    /// <summary>False while they cannot take a request (suggested last, marked unavailable).</summary>
    public bool Available { get; set; } = true;

    /// <summary>Left the team: still named on the requests they were assigned, never suggested or assigned again.</summary>
    public bool Retired { get; set; }
}
