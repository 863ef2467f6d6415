using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;

namespace Mvai.Bot.Answering.Citations;

/// <summary>
/// A guidance answer with its sources numbered and <c>[n]</c> markers placed after the sentences they support: each
/// quoted sentence is marked with the sources of the passage it was taken from, a model's <c>[n]</c> (passage n) with
/// that passage's sources; a source no sentence names is marked after the lead, so every citation is reachable.
/// </summary>
internal sealed record CitedAnswer(string? Headline, string Lead, IReadOnlyList<string> Points, IReadOnlyList<AnswerCitation> Citations, bool ModelWritten)
{
    /// <summary>The answerer's warning that the guidance may not answer exactly what was asked; shown first.</summary>
    public string? Caveat { get; init; }

    public static CitedAnswer From(GuidanceAnswer answer, GuidanceCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var citations = Number(answer, corpus);
        var markers = new CitationMarkers(answer.Passages, citations);
        var lead = answer.ModelWritten ? markers.RewriteModelMarkers(answer.ShortAnswer) : markers.Mark(answer.ShortAnswer, fallback: answer.Passages.Count > 0 ? answer.Passages[0] : null);
        List<string> points = [.. answer.KeyPoints.Select(point => markers.Mark(point, fallback: null))];
        var unnamed = citations.Where(c => !markers.Used.Contains(c.Position)).Select(c => c.Position).ToList();
        if (unnamed.Count > 0)
        {
            lead = CitationMarkers.Append(lead, unnamed);
        }
        return new CitedAnswer(answer.Headline, lead, points, citations, answer.ModelWritten) { Caveat = answer.Caveat };
    }

    /// <summary>The answer's sources in its order, each described by the first of its passages that cites it.</summary>
    private static List<AnswerCitation> Number(GuidanceAnswer answer, GuidanceCorpus corpus)
    {
        var citations = new List<AnswerCitation>();
        foreach (var source in answer.Citations.Take(AnswerCitation.MaxCount))
        {
            var passage = answer.Passages.FirstOrDefault(p => p.Sources.Any(s => s.Url == source.Url));
            var keywords = passage is null ? [] : corpus.FindDocument(passage.DocumentId)?.Keywords ?? [];
            var summary = passage is null ? source.Title : $"{passage.Heading}: {passage.Text}";
            citations.Add(new AnswerCitation(
                citations.Count + 1,
                AnswerCitation.Shorten(source.Title, AnswerCitation.MaxNameLength),
                source.Url,
                AnswerCitation.Shorten(summary, AnswerCitation.MaxAbstractLength),
                [.. keywords.Take(AnswerCitation.MaxKeywords)]));
        }
        return citations;
    }
}
