using System.Text;

namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// Turns text into index terms: lower case, letters and digits only, stop words dropped, light
/// stemming. The same analyzer runs on passages at load and on queries, so both sides agree.
/// </summary>
public static class TextAnalyzer
{
    // Small on purpose: words like "first", "now" or "after" carry the phase of a question and stay.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done",
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its",
        "they", "them", "their", "this", "that", "these", "those", "there", "here", "what", "wht", "which",
        "who", "whom", "how", "hw", "why", "when", "where", "can", "could", "should", "would", "will", "shall",
        "may", "might", "must", "about", "into", "as", "so", "than", "too", "very", "just", "any", "all",
        "some", "get", "got", "have", "has", "had", "having", "im", "ive", "dont", "not", "no", "pls", "please",
        "u", "ur", "r", "ok", "okay", "hey", "hi", "hello", "thanks", "need", "want", "know", "tell", "say",
        "one", "like", "really", "still", "also", "then", "up", "out", "go", "going", "thing", "things", "whats",
        "everywhere", "everything", "everyone", "anything", "anyone", "something", "someone", "stuff", "lot", "lots",
        "tons", "bunch", "actually", "basically", "literally", "anyway", "maybe", "probably", "kinda", "gonna",
    };

    /// <summary>Splits text into lower-case word tokens, apostrophes removed ("isn't" becomes "isnt").</summary>
    /// <param name="text">Any text.</param>
    /// <returns>The tokens in order, stop words included.</returns>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' && current.Length > 0)
            {
                continue;
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>Whether a token carries too little meaning to index.</summary>
    /// <param name="token">A lower-case token.</param>
    /// <returns><see langword="true"/> for stop words.</returns>
    public static bool IsStopWord(string token) => StopWords.Contains(token);

    /// <summary>Tokenizes, drops stop words and stems: the terms used for both indexing and queries.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>Stemmed terms in order.</returns>
    public static List<string> Terms(string text) =>
        [.. Tokenize(text).Where(t => !IsStopWord(t)).Select(Stem)];

    /// <summary>
    /// Light suffix stripping (plural, -ing, -ed, final e). It is deliberately weaker than Porter:
    /// it must never merge acronyms or proper names, and short words are left alone.
    /// </summary>
    /// <param name="token">A lower-case token.</param>
    /// <returns>The stem.</returns>
    public static string Stem(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var w = token;
        if (w.Length <= 3 || !char.IsLetter(w[^1]))
        {
            return w;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("ied", StringComparison.Ordinal) && w.Length > 4)
        {
            w = w[..^3] + "y";
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)
            && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            w = UndoubleConsonant(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            w = UndoubleConsonant(w[..^2]);
        }

        // "close", "closing" and "closed" must meet: drop a final e on every path.
        return w.Length > 4 && w.EndsWith('e') ? w[..^1] : w;
    }

    private static string UndoubleConsonant(string w) =>
        w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !"aeiou".Contains(w[^1], StringComparison.Ordinal)
            ? w[..^1]
            : w;
}
