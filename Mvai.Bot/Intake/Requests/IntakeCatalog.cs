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

public enum RequestStatus { New, Acknowledged, Assigned, Closed }
