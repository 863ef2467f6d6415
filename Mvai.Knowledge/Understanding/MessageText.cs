using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Understanding;

/// <summary>Normalises a typed message and cuts it into the clauses a context-then-ask message is made of.</summary>
public static partial class MessageText
{
    /// <summary>Lower case, straight apostrophes, single spaces.</summary>
    /// <param name="text">The message as typed.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string text) =>
        Spaces().Replace(text.Replace('\u2019', '\'').Replace('\u2018', '\'').ToLowerInvariant(), " ").Trim();

    /// <summary>
    /// Whether a normalised message is a sentence (four words or more) rather than a short answer to a question ("Dana
    /// Whitfield", "Springfield, IL", "leave the queue"), which a reading must not turn into a route.
    /// </summary>
    /// <param name="normalized">Normalised text.</param>
    /// <returns>Whether it has four words or more.</returns>
    public static bool IsSentence(string normalized) => normalized.Count(c => c == ' ') >= 3;

    /// <summary>
    /// The clauses of a message ("shooting tuesday. my sgt gave away his dog. what do we tell the press"): a warning sign
    /// said in passing is diluted in the whole message's meaning but plain in its own clause.
    /// </summary>
    /// <param name="normalized">Normalised text.</param>
    /// <returns>Clauses of at least three words; empty when the message is a single clause.</returns>
    public static IReadOnlyList<string> Clauses(string normalized)
    {
        var parts = ClauseBreak().Split(normalized)
            .Select(p => p.Trim())
            .Where(p => p.Count(c => c == ' ') >= 2)
            .ToList();
        return parts.Count > 1 ? parts : [];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[.!?;:\n]+|,\s+(?=(but|and|so|honestly|i|he|she|my|our|we)\b)|\s+-+\s+|\s+but\s+|\.\.\.")]
    private static partial Regex ClauseBreak();
}
