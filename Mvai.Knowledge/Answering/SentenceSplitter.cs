using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Answering;

/// <summary>Splits passage Markdown into plain sentences: list items and lines become sentences too.</summary>
public static partial class SentenceSplitter
{
    /// <summary>Splits Markdown text into sentences without list markers or emphasis.</summary>
    /// <param name="markdown">Passage text.</param>
    /// <returns>Trimmed sentences, in order.</returns>
    public static IReadOnlyList<string> Split(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var sentences = new List<string>();
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = ListMarker().Replace(rawLine.Trim(), string.Empty).Replace("**", string.Empty, StringComparison.Ordinal);
            foreach (var part in SentenceEnd().Split(line))
            {
                var sentence = part.Trim();
                if (sentence.Length > 0)
                {
                    sentences.Add(sentence);
                }
            }
        }

        return sentences;
    }

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    // Split after ". ", "! " or "? " (or a closing quote after them) followed by a capital or
    // digit, so "e.g. the" and "1-800-..." stay whole.
    [GeneratedRegex(@"(?<=[.!?][""\u201d)]?)\s+(?=[A-Z0-9""(\u201c])")]
    private static partial Regex SentenceEnd();
}
