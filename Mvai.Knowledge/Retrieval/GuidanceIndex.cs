using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// Offline lexical index over the guidance passages: BM25F with heading, document title and
/// keywords weighted above the body, plus synonyms, typo fixes and a phase boost. Everything
/// query-independent (per-term partial scores, typo table) is computed once at construction.
/// </summary>
public sealed partial class GuidanceIndex
{
    private const double K1 = 1.2;
    private const double SynonymTieBreaker = 0.1;
    private const double DocumentEvidence = 0.3;
    private const string LessonsTopic = "lessons";
    // Heading, document title, keywords, text and alternate questions; the questions are worded loosely, so they weigh least.
    private static readonly (double Weight, double B)[] Fields = [(3.0, 0.5), (2.0, 0.3), (2.5, 0.3), (1.0, 0.75), (0.25, 0.5)];

    // Heading, title, keywords and text come first; the alternate questions are the last field.
    private const int QuestionsField = 4;
    private readonly GuidancePassage[] _passages;
    private readonly int[] _documentOf;
    private readonly int _documentCount;
    private readonly Dictionary<string, (int[] Passages, float[] Scores)> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _maxIdf;
    private readonly QueryParser _parser;

    /// <summary>Builds the index; costs a few milliseconds for the shipped corpus.</summary>
    /// <param name="corpus">The loaded guidance corpus.</param>
    public GuidanceIndex(GuidanceCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Corpus = corpus;
        _passages = [.. corpus.Passages];
        var documents = _passages.Select(p => p.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        _documentOf = [.. _passages.Select(p => documents.IndexOf(p.DocumentId))];
        _documentCount = documents.Count;
        var fields = _passages.Select(p =>
        {
            var doc = corpus.FindDocument(p.DocumentId);
            return new[]
            {
                TextAnalyzer.Terms(p.Heading), TextAnalyzer.Terms(doc?.Title ?? string.Empty),
                TextAnalyzer.Terms(string.Join(' ', doc?.Keywords ?? [])), TextAnalyzer.Terms(p.Text), TextAnalyzer.Terms(string.Join(' ', p.Questions)),
            };
        }).ToArray();
        var averages = Enumerable.Range(0, Fields.Length).Select(f => Math.Max(1.0, fields.Average(x => x[f].Count))).ToArray();

        var raw = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);

        // A word's rarity is counted in the written guidance only: the alternate questions repeat everyday words ("new",
        // "many") across passages and would make the rare words of an unrelated question ("parking") look telling.
        var writtenIn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var passageFields in fields)
        {
            foreach (var term in passageFields.Take(QuestionsField).SelectMany(f => f).Distinct(StringComparer.Ordinal))
            {
                writtenIn[term] = writtenIn.GetValueOrDefault(term) + 1;
            }
        }

        for (var i = 0; i < fields.Length; i++)
        {
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var f = 0; f < Fields.Length; f++)
            {
                var norm = 1 - Fields[f].B + (Fields[f].B * fields[i][f].Count / averages[f]);
                foreach (var term in fields[i][f])
                {
                    tf[term] = tf.GetValueOrDefault(term) + (Fields[f].Weight / norm);
                }
            }

            foreach (var (term, value) in tf)
            {
                if (!raw.TryGetValue(term, out var list))
                {
                    raw[term] = list = [];
                }

                list.Add((i, value));
            }
        }

        foreach (var (term, list) in raw)
        {
            var count = writtenIn.TryGetValue(term, out var written) ? written : list.Count;
            var idf = _idf[term] = Math.Log(1 + ((_passages.Length - count + 0.5) / (count + 0.5)));
            _postings[term] = ([.. list.Select(x => x.Item1)], [.. list.Select(x => (float)(idf * x.Item2 * (K1 + 1) / (x.Item2 + K1)))]);
        }

        // A word the corpus never uses is as telling as the rarest word it does.
        _maxIdf = Math.Log(1 + ((_passages.Length - 0.5) / 1.5));
        var typos = new TypoCorrector(_postings.Keys, t => _postings.TryGetValue(t, out var p) ? p.Passages.Length : 0);
        _parser = new QueryParser(_postings.ContainsKey, typos);
    }

    /// <summary>
    /// Score multiplier for passages tagged with the phase the question implies ("tonight",
    /// "a year later"). Settable so the eval tool and tests can measure it against 1 (off).
    /// </summary>
    public double PhaseBoost { get; init; } = 1.2;

    /// <summary>The corpus the index was built from.</summary>
    public GuidanceCorpus Corpus { get; }

    /// <summary>
    /// Ranks passages for a question. A hybrid index embeds the question on the calling thread (milliseconds with the
    /// local model); prefer <see cref="SearchAsync"/> with a hosted embedding model.
    /// </summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <param name="top">How many hits to return at most.</param>
    /// <returns>Hits with a positive score, best first.</returns>
    public IReadOnlyList<SearchHit> Search(string question, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (terms, words) = _parser.Parse(question);
        if (words.Count == 0)
        {
            return [];
        }

        var scores = Score(terms, out var masks);
        var coverages = new double[scores.Length];
        // A word the corpus never uses ("precinct", "france") weighs as much as its rarest
        // word: the question is likely about something the guidance does not cover.
        var conceptIdf = words.Select(w => _idf.TryGetValue(w, out var idf) ? idf : _maxIdf).ToArray();
        var totalIdf = conceptIdf.Sum();
        var phase = PhaseDetector.Detect(question);

        // "tonight" or "anniversary" is answered by the phase a passage is tagged with, not by
        // the passage repeating the word, so a passage of that phase covers those words.
        var phaseWords = 0UL;
        for (var w = 0; phase is not null && w < words.Count; w++)
        {
            phaseWords |= PhaseDetector.Detect(words[w]) == phase ? 1UL << w : 0;
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= 0)
            {
                continue;
            }

            var inPhase = phase is not null && _passages[i].Phases.Contains(phase);
            var boost = inPhase ? PhaseBoost : 1.0;
            var matched = masks[i] | (inPhase ? phaseWords : 0);

            // Coverage weighs each question word by its rarity, so matching "trial" counts for
            // more than matching "next", and enters the score so a passage that matches the
            // telling words beats one that repeats a single frequent word many times.
            var covered = 0.0;
            for (var w = 0; w < conceptIdf.Length; w++)
            {
                covered += (matched & (1UL << w)) != 0 ? conceptIdf[w] : 0;
            }

            coverages[i] = covered / totalIdf;
            scores[i] *= boost * (0.5 + (0.5 * coverages[i]));
        }

        var final = WithDocumentEvidence(scores);
        IEnumerable<SearchHit> hits;
        if (Embed(question) is { } vector)
        {
            var dense = Fuse(question, final, vector, words);
            hits = Enumerable.Range(0, final.Length).Where(i => dense.Fused[i] > 0).Select(i => new SearchHit(_passages[i], dense.Fused[i], coverages[i])
            {
                Lexical = final[i], Similarity = dense.Similarity[i], SentenceSimilarities = dense.Sentences[i],
                QuestionSimilarity = _passages[i].Questions.Count > 0 ? dense.Questions[i] : null,
            });
        }
        else
        {
            hits = Enumerable.Range(0, final.Length).Where(i => final[i] > 0).Select(i => new SearchHit(_passages[i], final[i], coverages[i]));
        }

        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Passage.Id, StringComparer.Ordinal).Take(top)];
    }

    /// <summary>
    /// The question's content words that nothing in the guidance uses, not even through a synonym or a typo fix
    /// ("psob", "drones", "consulate"): a question built around one is often about something the guidance does not cover.
    /// </summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <returns>The unfamiliar words, stemmed, in the question's order.</returns>
    public IReadOnlyList<string> UnfamiliarWords(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (terms, words) = _parser.Parse(question);
        var known = 0UL;
        foreach (var term in terms.Where(t => _postings.ContainsKey(t.Term)))
        {
            known |= term.ConceptMask;
        }

        return [.. words.Where((_, i) => (known & (1UL << i)) == 0)];
    }

    /// <summary>
    /// How much each index term of a question is worth (query weight times rarity), synonyms and
    /// typo fixes included: lets the answerer pick the sentences that answer the question.
    /// </summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <returns>Stemmed term to weight; terms the corpus never uses are left out.</returns>
    public IReadOnlyDictionary<string, double> TermWeights(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in _parser.Parse(question).Terms.Where(t => _idf.ContainsKey(t.Term)))
        {
            weights[term.Term] = Math.Max(weights.GetValueOrDefault(term.Term), term.Weight * _idf[term.Term]);
        }

        return weights;
    }
}
