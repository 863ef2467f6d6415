using Mvai.BotFramework.Dialogs.Choices;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake.Validation;

/// <summary>Reads several kinds of help from one answer: "1, 3", "media and wellness", "victim services &amp; partners".</summary>
public static class HelpKindsParser
{
    /// <summary>The choices in display order, with the words people use for them.</summary>
    public static IList<Choice> Choices { get; } =
    [
        Choice(HelpKind.MediaAndPublicInformation, "media", "press", "public information", "pio", "news", "reporters"),
        Choice(HelpKind.CommunityCommunication, "community", "public", "social media", "rumors", "vigil"),
        Choice(HelpKind.VictimAndFamilyServices, "victims", "families", "victim services", "family assistance", "fac", "reunification"),
        Choice(HelpKind.OfficerWellness, "wellness", "officer wellness", "mental health", "peer support", "staff", "eap", "cism"),
        Choice(HelpKind.Partners, "partners", "federal", "state", "fbi", "mutual aid"),
        Choice(HelpKind.AfterActionReview, "after action", "aar", "review", "after-action"),
        Choice(HelpKind.MemorialsAndAnniversaries, "memorials", "donations", "anniversary", "anniversaries", "memorial"),
        Choice(HelpKind.Other, "other", "something else"),
    ];

    // Same order as Choices: the recognizer answers with the index of the choice it found.
    private static readonly HelpKind[] Kinds = Enum.GetValues<HelpKind>();

    public static IReadOnlyList<HelpKind>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var found = new List<HelpKind>();
        var parts = text.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase)
            .Split([',', ';', '&', '+', '/', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var match = ChoiceRecognizer.Recognize(part, Choices, "en-us");
            if (match is null)
            {
                return null;
            }
            var kind = Kinds[match.Index];
            if (!found.Contains(kind))
            {
                found.Add(kind);
            }
        }
        return found.Count > 0 ? found : null;
    }

    /// <summary>"1. Media and public information" lines for the question.</summary>
    public static string NumberedList() =>
        string.Join('\n', Choices.Select((c, i) => $"{i + 1}. {c.Value}"));

    private static Choice Choice(HelpKind kind, params string[] synonyms) =>
        new(IntakeLabels.HelpKinds[kind]) { Synonyms = synonyms };
}
