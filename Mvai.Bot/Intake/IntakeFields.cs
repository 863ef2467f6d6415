using System.Globalization;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Intake.Validation;
using static Mvai.Bot.Intake.IntakeFieldKinds;

namespace Mvai.Bot.Intake;

/// <summary>The intake's questions, in the order they are asked.</summary>
internal static class IntakeFields
{
    // Declared before All: static initialisers run in order and All reads it.
    private static readonly IReadOnlyDictionary<AgencyType, string[]> AgencySynonyms = new Dictionary<AgencyType, string[]>
    {
        [AgencyType.MunicipalPolice] = ["police department", "city police", "municipal", "pd", "police"],
        [AgencyType.Sheriff] = ["sheriff", "sheriffs office", "county sheriff", "so"],
        [AgencyType.Campus] = ["university", "college", "campus", "school police", "school district"],
        [AgencyType.State] = ["state police", "highway patrol", "state troopers", "troopers", "state patrol"],
        [AgencyType.Tribal] = ["tribal", "nation", "reservation"],
        [AgencyType.Transit] = ["transit", "metro", "transportation", "rail"],
        [AgencyType.Federal] = ["federal", "fbi", "atf", "us marshals"],
    };

    public static IReadOnlyList<IntakeField> All { get; } =
    [
        Text("name", "Name", IntakeMessages.AskName, IntakeMessages.RetryName, PersonalText.Name, r => r.RequesterName, (r, v) => r.RequesterName = v),
        Text("title", "Title or rank", IntakeMessages.AskTitle, IntakeMessages.RetryTitle, PersonalText.Name, r => r.RequesterTitle, (r, v) => r.RequesterTitle = v),
        Text("agency", "Agency", IntakeMessages.AskAgency, IntakeMessages.RetryAgency, PersonalText.Agency, r => r.AgencyName, (r, v) => r.AgencyName = v),
        Choice("agencyType", "Agency type", IntakeMessages.AskAgencyType, IntakeLabels.AgencyTypes, r => r.AgencyType, (r, v) => r.AgencyType = v, AgencySynonyms),
        Text("location", "City and state", IntakeMessages.AskLocation, IntakeMessages.RetryLocation,
            text => CityAndState.Parse(text) is { } place ? $"{place.City}, {place.State}" : null,
            r => r.City is null ? null : $"{r.City}, {r.State}",
            (r, v) => (r.City, r.State) = v is null ? (null, null) : (v[..v.LastIndexOf(',')], v[(v.LastIndexOf(',') + 2)..])),
        Text("phone", "Phone", IntakeMessages.AskPhone, IntakeMessages.RetryPhone, PhoneNumbers.Normalize, r => r.Phone, (r, v) => r.Phone = v),
        Text("email", "Email", IntakeMessages.AskEmail, IntakeMessages.RetryEmail, EmailAddresses.Normalize, r => r.Email, (r, v) => r.Email = v),
        Choice("contact", "Preferred contact", IntakeMessages.AskContactMethod, IntakeLabels.ContactMethods, r => r.PreferredContact, (r, v) => r.PreferredContact = v),
        Choice("incidentType", "Incident", IntakeMessages.AskIncidentType, IntakeLabels.IncidentTypes, r => r.IncidentType, (r, v) => r.IncidentType = v, IntakeLabels.IncidentSynonyms),
        IncidentDate(),
        YesNo("sceneActive", "Scene still active", IntakeMessages.AskSceneActive, r => r.SceneStillActive, (r, v) => r.SceneStillActive = v),
        Count("killed", "Killed (approx.)", IntakeMessages.AskKilled, r => r.Killed, (r, v) => r.Killed = v),
        Count("injured", "Injured (approx.)", IntakeMessages.AskInjured, r => r.Injured, (r, v) => r.Injured = v),
        HelpNeeded(),
        Choice("urgency", "Urgency", IntakeMessages.AskUrgency, IntakeLabels.Urgencies, r => r.Urgency, (r, v) => r.Urgency = v),
        Text("details", "Other details", IntakeMessages.AskDetails, IntakeMessages.AskDetails,
            text => IsNothing(text) ? string.Empty : text.Trim() is { Length: > 0 and <= 2000 } kept ? kept : null,
            r => r.AdditionalDetails, (r, v) => r.AdditionalDetails = v),
        YesNo("consent", "Consent to share with IACP", IntakeMessages.AskConsent, r => r.ConsentToShare, (r, v) => r.ConsentToShare = v),
    ];

    public static IntakeField? Find(string? promptId) => All.FirstOrDefault(f => f.PromptId == promptId);

    private static bool IsNothing(string text) =>
        text.Trim().TrimEnd('.', '!').ToLowerInvariant() is "no" or "none" or "nothing" or "n/a" or "no thanks" or "nope" or "that's all" or "nothing else";

    private static IntakeField Count(string name, string label, string question, Func<AssistanceRequest, int?> get, Action<AssistanceRequest, int?> set) =>
        Text(name, label, question, IntakeMessages.RetryCount,
            text => CasualtyCount.Parse(text)?.ToString(CultureInfo.InvariantCulture),
            r => get(r) switch { null => null, CasualtyCount.Unknown => "unknown", var n => n.Value.ToString(CultureInfo.InvariantCulture) },
            (r, v) => set(r, v is null ? null : v == "unknown" ? CasualtyCount.Unknown : int.Parse(v, CultureInfo.InvariantCulture)));

    private static IntakeField HelpNeeded() =>
        new("help", "Help needed", IntakeMessages.AskHelpNeeded,
            r => r.HelpNeeded.Count > 0,
            r => r.HelpNeeded.Clear(),
            r => r.HelpNeeded.Count == 0 ? null : string.Join("; ", r.HelpNeeded.Select(k => IntakeLabels.HelpKinds[k])),
            id => new TextPrompt(id, (context, _) =>
            {
                var kinds = HelpKindsParser.Parse(context.Recognized.Value);
                context.Recognized.Value = kinds is null ? string.Empty : string.Join(',', kinds);
                return Task.FromResult(kinds is not null);
            }),
            _ => Ask(IntakeMessages.AskHelpNeeded + "\n\n" + HelpKindsParser.NumberedList(), IntakeMessages.RetryHelpNeeded + "\n\n" + HelpKindsParser.NumberedList()),
            (r, value) => r.HelpNeeded = value is string s && s.Length > 0 ? [.. s.Split(',').Select(Enum.Parse<HelpKind>)] : r.HelpNeeded);

    private static IntakeField IncidentDate() =>
        new("date", "Date of incident", IntakeMessages.AskIncidentDate,
            r => r.IncidentDate is not null,
            r => r.IncidentDate = null,
            r => r.IncidentDate?.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture),
            id => new DateTimePrompt(id, (context, _) =>
            {
                var day = IncidentDates.Pick(context.Recognized.Value, UserToday(context.Context.Activity));
                context.Recognized.Value = day is null ? [] : [new DateTimeResolution(day.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)];
                return Task.FromResult(day is not null);
            }),
            _ => Ask(IntakeMessages.AskIncidentDate, IntakeMessages.RetryIncidentDate),
            (r, value) => r.IncidentDate = value is IList<DateTimeResolution> { Count: > 0 } days
                ? DateOnly.ParseExact(days[0].Timex, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : r.IncidentDate);

    /// <summary>The user's own date, from the local timestamp their client sent.</summary>
    public static DateOnly UserToday(Activity activity) =>
        DateOnly.FromDateTime((activity.LocalTimestamp ?? activity.Timestamp ?? DateTimeOffset.UtcNow).DateTime);
}
