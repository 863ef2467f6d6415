using System.Globalization;
using Mvai.BotFramework.Dialogs.Prompts;

namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>
/// Finds which choice an utterance picks, trying one strategy after another and stopping at the first that
/// matches: exact value/title/synonym, partial token match, ordinal ("the second one", "last"), then index ("2").
/// </summary>
public static class ChoiceRecognizer
{
    /// <summary>The picked choice, or null when the utterance matches none (or two equally well).</summary>
    public static FoundChoice? Recognize(string? utterance, IList<Choice> choices, string culture)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(utterance) || choices.Count == 0)
        {
            return null;
        }
        return MatchExact(utterance, choices)
            ?? MatchPartial(utterance, choices)
            ?? MatchOrdinal(utterance, choices, culture)
            ?? MatchIndex(utterance, choices, culture);
    }

    private static FoundChoice? MatchExact(string utterance, IList<Choice> choices)
    {
        var normalized = ChoiceTokenizer.Normalize(utterance);
        for (var i = 0; i < choices.Count; i++)
        {
            if (Candidates(choices[i]).Any(c => ChoiceTokenizer.Normalize(c) == normalized))
            {
                return new FoundChoice(choices[i].Value, i, 1);
            }
        }
        return null;
    }

    /// <summary>
    /// Scores each candidate by the share of its meaningful words the user said ("victim services" covers two of
    /// the three in "Victim and family services"). A tie between choices is no answer: asking again beats guessing.
    /// </summary>
    private static FoundChoice? MatchPartial(string utterance, IList<Choice> choices)
    {
        var said = ChoiceTokenizer.Tokens(utterance).ToHashSet(StringComparer.Ordinal);
        var scored = choices
            .Select((choice, index) => (choice, index, score: Candidates(choice).Max(c => Coverage(said, c))))
            .Where(s => s.score > 0)
            .OrderByDescending(s => s.score)
            .ToList();
        if (scored.Count == 0 || (scored.Count > 1 && scored[1].score >= scored[0].score))
        {
            return null;
        }
        return new FoundChoice(scored[0].choice.Value, scored[0].index, scored[0].score);
    }

    private static double Coverage(HashSet<string> said, string candidate)
    {
        var words = ChoiceTokenizer.Tokens(candidate).ToList();
        return words.Count == 0 ? 0 : (double)words.Count(said.Contains) / words.Count;
    }

    /// <summary>Ordinals from the number recognizer; "last" and "second to last" resolve relative to the end.</summary>
    private static FoundChoice? MatchOrdinal(string utterance, IList<Choice> choices, string culture)
    {
        // Longest match first, so "second to last" wins over the "second" inside it.
        foreach (var result in NumberModels.RecognizeOrdinal(utterance, culture).OrderByDescending(r => r.End - r.Start))
        {
            var resolution = result.Resolution;
            if (resolution is null)
            {
                continue;
            }
            int? position = null;
            if (resolution.TryGetValue("relativeTo", out var relativeTo) && string.Equals(relativeTo as string, "end", StringComparison.Ordinal))
            {
                var offset = resolution.TryGetValue("offset", out var o) && int.TryParse(o as string, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
                position = choices.Count + offset;
            }
            else if (resolution.TryGetValue("value", out var value) && int.TryParse(value as string, CultureInfo.InvariantCulture, out var n))
            {
                position = n;
            }
            if (position is >= 1 and var p && p <= choices.Count)
            {
                return new FoundChoice(choices[p - 1].Value, p - 1, 1);
            }
        }
        return null;
    }

    private static FoundChoice? MatchIndex(string utterance, IList<Choice> choices, string culture)
    {
        foreach (var result in NumberModels.RecognizeNumber(utterance, culture))
        {
            if (result.Resolution is { } resolution && resolution.TryGetValue("value", out var value)
                && int.TryParse(value as string, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
            {
                return new FoundChoice(choices[n - 1].Value, n - 1, 1);
            }
        }
        return null;
    }

    private static IEnumerable<string> Candidates(Choice choice)
    {
        yield return choice.Value;
        if (choice.Action?.Title is { } title)
        {
            yield return title;
        }
        foreach (var synonym in choice.Synonyms ?? [])
        {
            yield return synonym;
        }
    }
}
