using System.Globalization;
using System.Text.RegularExpressions;
using Mvai.Knowledge.Corpus;

namespace Mvai.Bot.Answering.Citations;

/// <summary>Places <c>[n]</c> markers: after quoted sentences by their passage, or in place of a model's passage numbers.</summary>
internal sealed partial class CitationMarkers(IReadOnlyList<GuidancePassage> passages, IReadOnlyList<AnswerCitation> citations)
{
    /// <summary>The citation positions some marker names so far.</summary>
    public HashSet<int> Used { get; } = [];

    /// <summary>Marks a sentence quoted from a passage with that passage's sources (or <paramref name="fallback"/>'s).</summary>
    public string Mark(string sentence, GuidancePassage? fallback)
    {
        var flat = Flatten(sentence);
        var passage = passages.FirstOrDefault(p => Flatten(p.Text).Contains(flat, StringComparison.Ordinal)) ?? fallback;
        return passage is null ? sentence : Append(sentence, Positions(passage));
    }

    /// <summary>
    /// Replaces the model's <c>[2]</c> or <c>[1, 3]</c> (passages, counted from 1) with the markers of those passages'
    /// sources; a number naming no passage is dropped.
    /// </summary>
    public string RewriteModelMarkers(string text) =>
        ModelMarker().Replace(text, match =>
        {
            var positions = match.Groups[1].Value.Split(',')
                .Select(n => int.TryParse(n.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0)
                .Where(i => i >= 1 && i <= passages.Count)
                .SelectMany(i => Positions(passages[i - 1]))
                .Distinct()
                .ToList();
            return Markers(positions);
        });

    public static string Append(string text, IReadOnlyCollection<int> positions) =>
        positions.Count == 0 ? text : text.TrimEnd() + " " + Markers(positions);

    private List<int> Positions(GuidancePassage passage)
    {
        List<int> positions = [.. citations.Where(c => passage.Sources.Any(s => s.Url == c.Url)).Select(c => c.Position)];
        Used.UnionWith(positions);
        return positions;
    }

    // Spaced: in Markdown "[3][4]" is one link, text 3 to reference 4, and marker 4 would vanish.
    private static string Markers(IEnumerable<int> positions) =>
        string.Join(' ', positions.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p}]")));

    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]")]
    private static partial Regex ModelMarker();
}
