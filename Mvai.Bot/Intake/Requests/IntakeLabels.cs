namespace Mvai.Bot.Intake.Requests;

/// <summary>The words users see for each choice, and the synonyms they type for them.</summary>
public static class IntakeLabels
{
    public static IReadOnlyDictionary<AgencyType, string> AgencyTypes { get; } = new Dictionary<AgencyType, string>
    {
        [AgencyType.MunicipalPolice] = "Municipal police",
        [AgencyType.Sheriff] = "Sheriff's office",
        [AgencyType.Campus] = "Campus police",
        [AgencyType.State] = "State police / highway patrol",
        [AgencyType.Tribal] = "Tribal police",
        [AgencyType.Transit] = "Transit police",
        [AgencyType.Federal] = "Federal agency",
        [AgencyType.Other] = "Other",
    };

    public static IReadOnlyDictionary<IncidentType, string> IncidentTypes { get; } = new Dictionary<IncidentType, string>
    {
        [IncidentType.Shooting] = "Shooting",
        [IncidentType.Bombing] = "Bombing / explosive",
        [IncidentType.VehicleRamming] = "Vehicle ramming",
        [IncidentType.Stabbing] = "Stabbing / edged weapon",
        [IncidentType.Arson] = "Arson",
        [IncidentType.Other] = "Other",
    };

    public static IReadOnlyDictionary<HelpKind, string> HelpKinds { get; } = new Dictionary<HelpKind, string>
    {
        [HelpKind.MediaAndPublicInformation] = "Media and public information",
        [HelpKind.CommunityCommunication] = "Community communication",
        [HelpKind.VictimAndFamilyServices] = "Victim and family services",
        [HelpKind.OfficerWellness] = "Officer and staff wellness",
        [HelpKind.Partners] = "Local, state and federal partners",
        [HelpKind.AfterActionReview] = "After-action review",
        [HelpKind.MemorialsAndAnniversaries] = "Memorials, donations and anniversaries",
        [HelpKind.Other] = "Other",
    };

    public static IReadOnlyDictionary<Urgency, string> Urgencies { get; } = new Dictionary<Urgency, string>
    {
        [Urgency.Today] = "Today",
        [Urgency.ThisWeek] = "This week",
        [Urgency.PlanningAhead] = "Planning ahead",
    };

    public static IReadOnlyDictionary<ContactMethod, string> ContactMethods { get; } = new Dictionary<ContactMethod, string>
    {
        [ContactMethod.Phone] = "Phone",
        [ContactMethod.Email] = "Email",
        [ContactMethod.Teams] = "Microsoft Teams",
        [ContactMethod.Either] = "Either is fine",
    };

    /// <summary>Words in a free-text message that name an incident type (used to prefill from the first message).</summary>
    public static IReadOnlyDictionary<IncidentType, string[]> IncidentSynonyms { get; } = new Dictionary<IncidentType, string[]>
    {
        [IncidentType.Shooting] = ["shooting", "shooter", "shot", "shots fired", "gunman", "gunfire", "gunshot"],
        [IncidentType.Bombing] = ["bombing", "bomb", "explosion", "explosive", "ied", "blast"],
        [IncidentType.VehicleRamming] = ["ramming", "rammed", "vehicle attack", "car attack", "truck attack", "drove into", "plowed into"],
        [IncidentType.Stabbing] = ["stabbing", "stabbed", "knife", "edged weapon", "machete"],
        [IncidentType.Arson] = ["arson", "set fire", "fire bomb", "firebomb", "set on fire"],
    };
}
