using System.Globalization;
using System.Text;

namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>Lower-cased words without punctuation, filler words or a plural "s", for forgiving matches.</summary>
internal static class ChoiceTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "with", "my", "i", "please", "want", "one",
    };

    /// <summary>The whole text lower-cased with punctuation and repeated spaces removed.</summary>
    public static string Normalize(string text) => string.Join(' ', Words(text));

    /// <summary>The meaningful words: no stop words, plural "s" trimmed so "service" matches "services".</summary>
    public static IEnumerable<string> Tokens(string text) =>
        Words(text).Where(w => !StopWords.Contains(w)).Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w);

    private static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '\'' ? c : ' ');
        }
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
