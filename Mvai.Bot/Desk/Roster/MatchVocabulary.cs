using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Desk.Roster;

/// <summary>
/// The closed lists the roster is written in, and how a request is read in the same words: its incident type, the
/// setting its details name ("at the high school"), and the kinds of help it asks for.
/// </summary>
public static class MatchVocabulary
{
    public static IReadOnlyDictionary<string, string> Incidents { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["school"] = "a school",
        ["workplace"] = "a workplace",
        ["house-of-worship"] = "a house of worship",
        ["mass-gathering"] = "a mass gathering",
        ["officer-ambush"] = "an ambush of officers",
        ["shooting"] = "a shooting",
        ["bombing"] = "a bombing",
        ["vehicle-ramming"] = "a vehicle ramming",
        ["stabbing"] = "a stabbing",
        ["arson"] = "an arson",
    };

    public static IReadOnlyDictionary<string, string> Topics { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["media"] = "media",
        ["families"] = "families",
        ["wellness"] = "wellness",
        ["partners"] = "partners",
        ["recovery"] = "recovery",
    };

    private static readonly (string Setting, string[] Words)[] SettingWords =
    [
        ("school", ["school", "campus", "college", "university", "classroom", "students"]),
        ("workplace", ["workplace", "office", "warehouse", "factory", "plant", "coworkers", "employees"]),
        ("house-of-worship", ["church", "mosque", "synagogue", "temple", "congregation", "worship"]),
        ("mass-gathering", ["concert", "festival", "parade", "stadium", "fair", "rally", "crowd"]),
        ("officer-ambush", ["ambush", "ambushed", "officers shot", "deputies shot", "officer down"]),
    ];

    /// <summary>The incident words a request matches: its type and any setting its details name.</summary>
    public static IReadOnlySet<string> IncidentsOf(AssistanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (request.IncidentType is { } type and not IncidentType.Other)
        {
            tags.Add(type == IncidentType.VehicleRamming ? "vehicle-ramming" : type.ToString().ToLowerInvariant());
        }
        if (request.AgencyType == AgencyType.Campus)
        {
            tags.Add("school");
        }
        var details = $" {request.AdditionalDetails} ".ToLowerInvariant();
        foreach (var (setting, words) in SettingWords)
        {
            if (words.Any(word => details.Contains(word, StringComparison.Ordinal)))
            {
                tags.Add(setting);
            }
        }
        return tags;
    }

    /// <summary>The topic words for the help a request asks for.</summary>
    public static IReadOnlySet<string> TopicsOf(AssistanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HelpNeeded.Select(Topic).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string? Topic(HelpKind help) => help switch
    {
        HelpKind.MediaAndPublicInformation or HelpKind.CommunityCommunication => "media",
        HelpKind.VictimAndFamilyServices => "families",
        HelpKind.OfficerWellness => "wellness",
        HelpKind.Partners => "partners",
        HelpKind.AfterActionReview or HelpKind.MemorialsAndAnniversaries => "recovery",
        _ => null,
    };
}
