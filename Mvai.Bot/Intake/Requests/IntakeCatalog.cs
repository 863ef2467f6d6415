namespace Mvai.Bot.Intake.Requests;

public enum AgencyType { MunicipalPolice, Sheriff, Campus, State, Tribal, Transit, Federal, Other }

public enum IncidentType { Shooting, Bombing, VehicleRamming, Stabbing, Arson, Other }

public enum HelpKind
{
    MediaAndPublicInformation,
    CommunityCommunication,
    VictimAndFamilyServices,
    OfficerWellness,
    Partners,
    AfterActionReview,
    MemorialsAndAnniversaries,
    Other,
}

public enum Urgency { Today, ThisWeek, PlanningAhead }

public enum ContactMethod { Phone, Email, Teams, Either }

/// <summary>
/// Where a request is in the MVAI team's hands, stored by name. Rows written before the request desk may say
/// <c>Acknowledged</c> or <c>Assigned</c>: <see cref="RequestStatuses.Parse"/> reads them as <see cref="InReview"/> and
/// <see cref="Matched"/>, and the desk's schema change rewrites them.
/// </summary>
public enum RequestStatus { New, InReview, Matched, Connected, Closed, Withdrawn }
