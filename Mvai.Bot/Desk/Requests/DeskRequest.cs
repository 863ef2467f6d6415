using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Requests;

/// <summary>A stored request with where the MVAI team has got to with it.</summary>
public sealed record DeskRequest(StoredAssistanceRequest Stored, RequestProgress Progress)
{
    public string Reference => Stored.Reference;
    public RequestStatus Status => Stored.Status;
}

/// <summary>
/// The desk's columns of a request. <paramref name="Version"/> grows with every change: a change names the version
/// it was decided on and is refused if someone changed the request since (two advisors assigning at once).
/// <paramref name="FirstContactAt"/> is the earliest contact the team recorded (<see cref="AgencyContact"/>), or the
/// move to connected when none was; <paramref name="FirstContactMethod"/> is null in the second case.
/// </summary>
public sealed record RequestProgress(
    long Version,
    string? PeerAdvisorId,
    DateTimeOffset? AlertedAt,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset? MatchedAt,
    DateTimeOffset? FinishedAt,
    AgencyContactMethod? FirstContactMethod = null);

/// <summary>
/// One line of a request's history: who (an advisor id, <c>requester</c> or <c>bot</c>), what, when. Notes and the
/// agency's additions keep their text in <paramref name="Detail"/>; the history lives as long as the request.
/// </summary>
public sealed record RequestHistoryEntry(string Actor, string Action, string? Detail, DateTimeOffset At);

/// <summary>A status change the store makes only if the request is still at <paramref name="ExpectedVersion"/> and in one of <paramref name="From"/>.</summary>
public sealed record RequestChange(
    string Reference,
    long ExpectedVersion,
    IReadOnlyCollection<RequestStatus> From,
    RequestStatus To,
    string? PeerAdvisorId,
    RequestHistoryEntry Entry);

/// <summary>A recorded contact with the agency, stored only while the request is in one of <paramref name="Open"/>.</summary>
public sealed record ContactRecord(
    string Reference,
    AgencyContact Contact,
    IReadOnlyCollection<RequestStatus> Open,
    RequestHistoryEntry Entry);
