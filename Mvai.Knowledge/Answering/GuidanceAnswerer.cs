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

    // How many ranked passages an answer draws on: its points, then related topics from the same search.
    private const int RankingDepth = 16;

    // At most this many key points; up to OwnPoints of them from the best passage come first.
    private const int MaxPoints = 4;
    private const int OwnPoints = 2;
    private const string LessonsTopic = "lessons";

    // Shares of the best passage's score another passage needs to add a point: of the same document, or of another.
    private const double SameDocumentShare = 0.6;
    private const double OtherDocumentShare = 0.85;

    // A best BM25F score at or above this counts as a strong lexical match (tuned on the eval set).
    private const double StrongScore = 9.0;

    // Cosine similarities of the question and the best passage between which dense confidence rises from 0 to 1 (tuned on the training set).
    private const double SimilarityFloor = 0.2;
    private const double SimilarityStrong = 0.45;
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
    public async Task<GuidanceAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var verdict = _safety.Screen(question);
        return verdict.IsUnsafe ? Refusal(verdict) : Compose(question, await _index.SearchAsync(question, RankingDepth, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Synchronous form of <see cref="AnswerAsync"/>; CPU-only, a few milliseconds with the local embedding model.</summary>
    /// <param name="question">The user's text.</param>
    /// <returns>The answer.</returns>
    public GuidanceAnswer Answer(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var verdict = _safety.Screen(question);
        return verdict.IsUnsafe ? Refusal(verdict) : Compose(question, _index.Search(question, RankingDepth));
    }

    private static GuidanceAnswer Refusal(SafetyVerdict verdict) =>
        new() { Kind = AnswerKind.Safety, Safety = verdict.Kind, ShortAnswer = verdict.Reply, Confidence = 1 };

    // One piece of guidance: the best passage's heading, its own lead and points, then points only from passages
    // that answer the same question (its own document, or another scoring nearly as well), never a stray fact.
    private GuidanceAnswer Compose(string question, IReadOnlyList<SearchHit> ranked)
    {
        var confidence = Confidence(ranked);
        if (confidence < LowConfidenceThreshold)
        {
            return LowConfidence(ranked, confidence);
        }

        var best = ranked[0];
        var picker = new SentencePicker(_index.TermWeights(question));
        var bestSentences = _sentences[best.Passage.Id];

        // Passages are written lead first, so the best passage's opening is the direct answer.
        var lead = bestSentences.Take(2).Select(s => s.Text).ToList();
        var points = new List<string>();
        bool Said(string s) => lead.Contains(s) || points.Contains(s, StringComparer.OrdinalIgnoreCase);
        while (points.Count < OwnPoints && picker.BestPoint(bestSentences, best.SentenceSimilarities, Said) is { } own)
        {
            points.Add(own);
        }

        var used = new List<GuidancePassage> { best.Passage };
        foreach (var hit in ranked.Skip(1).Where(h => AnswersTheSameQuestion(best, h)))
        {
            if (points.Count < MaxPoints && picker.BestPoint(_sentences[hit.Passage.Id], hit.SentenceSimilarities, Said) is { } sentence)
            {
                points.Add(sentence);
                used.Add(hit.Passage);
            }
        }

        // When no other passage answers the same question, the best passage's remaining sentences beat a stray fact.
        while (points.Count < MaxPoints && picker.BestPoint(bestSentences, best.SentenceSimilarities, Said) is { } more)
        {
            points.Add(more);
        }

        return new GuidanceAnswer
        {
            Kind = AnswerKind.Answered, Headline = best.Passage.Heading, ShortAnswer = string.Join(' ', lead), KeyPoints = points, Passages = used,
            Citations = Cite(used), Confidence = confidence,
            Caveat = CoverageCheck.Caveat(best, () => _index.UnfamiliarWords(question)),
            RelatedTopics = _related.Find(ranked, used.Select(p => p.DocumentId), RelatedTopicCount),
        };
    }

    // A passage of the best one's document that ranks well continues its guidance; one of another document must be
    // on the same topic and rank nearly level. A lesson from an incident joins only its own document's lessons.
    private static bool AnswersTheSameQuestion(SearchHit best, SearchHit other) =>
        other.Passage.DocumentId == best.Passage.DocumentId
            ? other.Score >= best.Score * SameDocumentShare
            : other.Passage.Topic == best.Passage.Topic && other.Passage.Topic != LessonsTopic && other.Score >= best.Score * OtherDocumentShare;

    // Lexically, a blend of how strong the best match is and how many of the question's words it covers:
    // a single common word matching strongly is not enough, nor is full coverage of weak words. With
    // embeddings, a close meaning is evidence on its own, so the question may share few words with the passage; weak
    // evidence of both kinds does not add up to an answer ("parking spaces for the new precinct").
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
        return Math.Round(Math.Max(lexical, dense), 3);
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
