using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Answering;

/// <summary>
/// Extractive answerer: safety screen first, then retrieval, then an answer quoted from the best
/// passages. It never writes new facts, so every sentence it sends can be traced to a citation.
/// </summary>
public sealed class GuidanceAnswerer : IGuidanceAnswerer
{
    /// <summary>Below this confidence the answerer offers topics and a human instead of guessing.</summary>
    public const double LowConfidenceThreshold = 0.45;

    /// <summary>How many related topics an answer offers (two leave room for the two fixed buttons).</summary>
    public const int RelatedTopicCount = 2;

    // A best BM25F score at or above this counts as a strong lexical match (tuned on the eval set).
    private const double StrongScore = 9.0;

    // Cosine similarities of the question and the best passage between which dense confidence rises from 0 to 1 (tuned on the training set).
    private const double SimilarityFloor = 0.2;
    private const double SimilarityStrong = 0.7;
    private readonly GuidanceIndex _index;
    private readonly SafetyScreen _safety;
    private readonly Dictionary<string, PassageSentence[]> _sentences;
    private readonly RelatedTopicFinder _related;

    /// <summary>Creates the answerer.</summary>
    /// <param name="index">The passage index.</param>
    /// <param name="safety">The safety screen that runs before retrieval.</param>
    public GuidanceAnswerer(GuidanceIndex index, SafetyScreen safety)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _safety = safety ?? throw new ArgumentNullException(nameof(safety));
        _sentences = SentencePicker.Prepare(index.Corpus.Passages);
        _related = new RelatedTopicFinder(index.Corpus);
    }

    /// <inheritdoc/>
    public Task<GuidanceAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Answer(question));
    }

    /// <summary>Synchronous form of <see cref="AnswerAsync"/>; the work is CPU-only and sub-millisecond.</summary>
    /// <param name="question">The user's text.</param>
    /// <returns>The answer.</returns>
    public GuidanceAnswer Answer(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var verdict = _safety.Screen(question);
        if (verdict.IsUnsafe)
        {
            return new GuidanceAnswer { Kind = AnswerKind.Safety, Safety = verdict.Kind, ShortAnswer = verdict.Reply, Confidence = 1 };
        }

        // A wider ranking than the answer uses, so related topics come from the same search.
        var ranked = _index.Search(question, 16);
        var hits = ranked.Take(6).ToList();
        var confidence = Confidence(ranked);
        if (confidence < LowConfidenceThreshold)
        {
            return LowConfidence(ranked, confidence);
        }

        var best = hits[0];
        var picker = new SentencePicker(_index.TermWeights(question));
        var bestSentences = _sentences[best.Passage.Id];

        // Passages are written lead first, so the best passage's opening is the direct answer.
        var lead = bestSentences.Take(2).Select(s => s.Text).ToList();
        var shortAnswer = string.Join(' ', lead);
        var used = new List<GuidancePassage> { best.Passage };
        var points = new List<string>();
        bool Said(string s) => lead.Contains(s) || points.Contains(s, StringComparer.OrdinalIgnoreCase);
        foreach (var hit in hits.Skip(1).Where(h => h.Score >= best.Score * 0.25))
        {
            var sentence = picker.BestPoint(_sentences[hit.Passage.Id], Said);
            if (sentence is not null && points.Count < 4)
            {
                points.Add(sentence);
                used.Add(hit.Passage);
            }
        }

        // When the other passages are far weaker, the best passage's other sentences beat padding.
        while (points.Count < 2 && picker.BestPoint(bestSentences, Said) is { } more)
        {
            points.Add(more);
        }

        return new GuidanceAnswer
        {
            Kind = AnswerKind.Answered, Headline = best.Passage.Heading, ShortAnswer = shortAnswer, KeyPoints = points, Passages = used,
            Citations = Cite(used), Confidence = confidence,
            RelatedTopics = _related.Find(ranked, used.Select(p => p.DocumentId), RelatedTopicCount),
        };
    }

    // Lexically, a blend of how strong the best match is and how many of the question's words it covers:
    // a single common word matching strongly is not enough, nor is full coverage of weak words. With
    // embeddings, a close meaning is evidence too, so the question may share few words with the passage.
    internal static double Confidence(IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            return 0;
        }

        var best = hits[0];
        var lexical = Math.Min(1.0, best.Lexical / StrongScore) * Math.Sqrt(best.Coverage);
        if (best.Similarity is not { } similarity)
        {
            return Math.Round(lexical, 3);
        }

        var dense = Math.Clamp((similarity - SimilarityFloor) / (SimilarityStrong - SimilarityFloor), 0, 1);
        return Math.Round(1 - ((1 - lexical) * (1 - dense)), 3);
    }

    private GuidanceAnswer LowConfidence(IReadOnlyList<SearchHit> hits, double confidence)
    {
        var topics = _related.Find(hits, [], 4);
        var help = _index.Corpus.FindDocument("about-mvai-request-help")?.Passages is { Count: > 0 } ps ? ps[0] : null;
        return new GuidanceAnswer
        {
            Kind = AnswerKind.LowConfidence,
            ShortAnswer = "I'm not confident the guidance I have covers that, and I'd rather not guess. " +
                "An MVAI peer advisor can help you directly: use the IACP \"Request Assistance\" page.",
            KeyPoints = [.. topics.Select(t => "The guidance covers: " + t)],
            RelatedTopics = [.. topics.Take(RelatedTopicCount)],
            Passages = help is null ? [] : [help],
            Citations = help is null ? [] : Cite([help]),
            Confidence = confidence,
        };
    }

    private static List<SourceCitation> Cite(IEnumerable<GuidancePassage> passages) =>
        [.. passages.SelectMany(p => p.Sources).DistinctBy(s => s.Url.AbsoluteUri, StringComparer.Ordinal)];
}
