using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// Reads the incident phase a question is about from time words ("tonight", "a year later").
/// Chiefs rarely name the phase; they say when they are.
/// </summary>
public static partial class PhaseDetector
{
    /// <summary>Finds the phase, one of <see cref="Corpus.CorpusVocabulary.Phases"/>, or null when none is implied.</summary>
    /// <param name="question">The user's text.</param>
    /// <returns>The phase id, or <see langword="null"/>.</returns>
    public static string? Detect(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (LongTerm().IsMatch(question))
        {
            return "long-term";
        }

        if (FirstHours().IsMatch(question))
        {
            return "first-hours";
        }

        if (FirstDays().IsMatch(question))
        {
            return "first-days";
        }

        return Weeks().IsMatch(question) ? "weeks" : null;
    }

    [GeneratedRegex(@"\b(first\s+(hour|hours|night|24)|tonight|right\s+now|just\s+happened|this\s+morning|immediately|today|in\s+the\s+next\s+hour)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstHours();

    [GeneratedRegex(@"\b(first\s+(few\s+)?days|first\s+week|this\s+week|tomorrow|next\s+few\s+days|day\s+(two|three|2|3))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstDays();

    [GeneratedRegex(@"\b(weeks?\s+(later|after|on)|a\s+month|next\s+month|couple\s+of\s+weeks|few\s+weeks)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weeks();

    [GeneratedRegex(@"\b(anniversar\w*|a\s+year\s+(later|on|after)|years?\s+later|one\s+year|long[-\s]term|months\s+later|the\s+trial)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LongTerm();
}
