namespace Mvai.Bot.Answering.Citations;

/// <summary>
/// One numbered source of an answer, as the channels' citation pop-ups show it: <c>[Position]</c> in the text opens
/// <see cref="Name"/>, <see cref="Abstract"/> and a link to <see cref="Url"/>.
/// </summary>
/// <param name="Position">The number of the marker in the text, from 1.</param>
/// <param name="Name">The source's title, at most 80 characters (Teams' limit).</param>
/// <param name="Url">The public source.</param>
/// <param name="Abstract">What the guidance took from it: the citing passage's heading and opening, at most 160 characters.</param>
/// <param name="Keywords">Up to three keywords of the citing document.</param>
internal sealed record AnswerCitation(int Position, string Name, Uri Url, string Abstract, IReadOnlyList<string> Keywords)
{
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;

    /// <summary>The Agents Playground takes at most 10 (Teams 20): the lower limit, so the answer shows in both.</summary>
    public const int MaxCount = 10;

    /// <summary>Cuts a text to <paramref name="max"/> characters at a word, ending in an ellipsis when cut.</summary>
    public static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }
        var cut = flat.LastIndexOf(' ', max - 1);
        return flat[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }
}
