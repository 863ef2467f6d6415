using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Answering;

/// <summary>
/// Picks follow-up topics a chief can tap after an answer: the next documents in the ranking the
/// answer did not cite, then others of the same topic, then the topics most asked about. A topic
/// is offered by its document title, which retrieves that document when sent back as a question.
/// </summary>
internal sealed class RelatedTopicFinder(GuidanceCorpus corpus)
{
    /// <summary>Topics everyone asks about first: the fallback when the ranking offers too few.</summary>
    public static readonly string[] CommonDocuments = ["media-first-hour", "family-assistance-center", "wellness-first-days", "donations-and-volunteers"];

    // Far weaker hits are no longer about the question.
    private const double MinShareOfBest = 0.2;

    // The scope note and the how-to-request page are already one tap away through the
    // "Request MVAI assistance" and "Talk to an advisor" buttons.
    private static readonly HashSet<string> NeverSuggested = new(StringComparer.Ordinal) { "safety-scope", "about-mvai-request-help" };

    /// <summary>Titles of up to <paramref name="count"/> related documents, best first.</summary>
    public IReadOnlyList<string> Find(IReadOnlyList<SearchHit> ranked, IEnumerable<string> citedDocuments, int count)
    {
        var cited = citedDocuments.ToHashSet(StringComparer.Ordinal);
        var best = ranked.Count > 0 ? ranked[0] : null;
        var near = ranked.Where(h => h.Score >= best!.Score * MinShareOfBest).Select(h => h.Passage.DocumentId);
        var sameTopic = best is null ? [] : corpus.Documents.Where(d => d.Topic == best.Passage.Topic).Select(d => d.Id);
        return [.. near.Concat(sameTopic).Concat(CommonDocuments)
            .Distinct(StringComparer.Ordinal)
            .Where(id => !cited.Contains(id) && !NeverSuggested.Contains(id))
            .Select(id => corpus.FindDocument(id)?.ShortTitle).OfType<string>()
            .Take(count)];
    }
}
