namespace Mvai.Knowledge.Corpus;

/// <summary>
/// The closed vocabularies of the front matter. They are fixed in code because the bot's
/// routing and filters depend on them; a typo in a file must fail loading, not hide a document.
/// </summary>
public static class CorpusVocabulary
{
    /// <summary>Known values of <c>topic</c>.</summary>
    public static IReadOnlyList<string> Topics { get; } =
    [
        "about-mvai", "preparedness", "leadership", "command-and-partners", "scene", "media",
        "community", "reunification", "death-notification", "family-assistance", "victim-services",
        "victim-funding", "wellness", "crisis-lines", "donations-memorials", "recovery",
        "after-action", "lessons", "safety",
    ];

    /// <summary>Known values of <c>phases</c>.</summary>
    public static IReadOnlyList<string> Phases { get; } = ["first-hours", "first-days", "weeks", "long-term"];

    /// <summary>Known values of <c>audience</c>.</summary>
    public static IReadOnlyList<string> Audiences { get; } =
        ["chief", "pio", "command-staff", "victim-services", "wellness", "all"];
}
