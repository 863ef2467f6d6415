using Microsoft.Extensions.AI;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Embeddings;

namespace Mvai.Knowledge.Retrieval;

/// <summary>
/// The dense half of <see cref="GuidanceIndex"/>: passage embeddings computed once, at first use, and the fusion of
/// cosine similarity with the BM25F ranking. Meaning carries where words differ ("say nothing until we know
/// everything" finds the passage that calls waiting outdated); BM25F keeps exact names and acronyms on top.
/// </summary>
public sealed partial class GuidanceIndex
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly Lazy<PassageVectors[]>? _passageVectors;
    private readonly Dictionary<string, string> _documentByTitle = new(StringComparer.OrdinalIgnoreCase);
    private volatile QueryVector? _lastQuery;

    // A question that asks for lessons ("what's the lesson from Pulse") wants the lessons documents; only then are they not set back.
    private static readonly HashSet<string> LessonWords = [.. TextAnalyzer.Terms("lesson lessons learned learn takeaway mistakes")];

    /// <summary>Builds a hybrid index: BM25F fused with the similarity of <paramref name="embeddings"/>' vectors.</summary>
    /// <param name="corpus">The loaded guidance corpus.</param>
    /// <param name="embeddings">The sentence embedder; null for BM25F alone. Passages are embedded on the first search, once per process
    /// (and kept on disk, keyed by the model and the text).</param>
    public GuidanceIndex(GuidanceCorpus corpus, IEmbeddingGenerator<string, Embedding<float>>? embeddings)
        : this(corpus)
    {
        _embeddings = embeddings;
        _passageVectors = embeddings is null ? null : new Lazy<PassageVectors[]>(EmbedPassages);
        foreach (var document in corpus.Documents)
        {
            _documentByTitle.TryAdd(document.Title, document.Id);
            _documentByTitle.TryAdd(document.ShortTitle, document.Id);
        }
    }

    /// <summary>Share of the fused score that comes from the dense similarity (0 is BM25F alone). Settable for the eval tool.</summary>
    public double DenseWeight { get; init; } = 0.7;

    /// <summary>
    /// Score multiplier for lessons documents, so guidance that answers the question ranks above the incident it came from,
    /// unless the question asks for lessons.
    /// </summary>
    public double LessonsWeight { get; init; } = 0.85;

    /// <summary>Whether searches fuse dense similarity with BM25F.</summary>
    public bool IsHybrid => _embeddings is not null;

    /// <summary>
    /// Starts embedding the passages on the thread pool, so the first question does not wait for it (seconds on a small
    /// machine without the disk cache). A search meanwhile waits for the same work; does nothing for a lexical index.
    /// </summary>
    public void WarmUp()
    {
        if (_passageVectors is { IsValueCreated: false } vectors)
        {
            _ = Task.Run(() => vectors.Value);
        }
    }

    /// <summary>Ranks passages for a question; with a hybrid index the question is embedded without blocking.</summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <param name="top">How many hits to return at most.</param>
    /// <param name="cancellationToken">Cancels the embedding.</param>
    /// <returns>Hits with a positive score, best first.</returns>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string question, int top = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (_embeddings is null || _lastQuery is { } cached && cached.Text == question)
        {
            return Search(question, top);
        }

        var generated = await _embeddings.GenerateAsync([Understanding.MessageText.Normalize(question)], cancellationToken: cancellationToken).ConfigureAwait(false);
        _lastQuery = new QueryVector(question, generated[0].Vector.ToArray());
        return Search(question, top);
    }

    // The question's vector; the last one is kept, so a second search of the same text (the eval tool,
    // the plugin after the answerer) runs no model. The local model answers synchronously in milliseconds.
    private float[]? Embed(string question)
    {
        if (_embeddings is null)
        {
            return null;
        }

        if (_lastQuery is { } cached && cached.Text == question)
        {
            return cached.Vector;
        }

        var vector = _embeddings.GenerateAsync([Understanding.MessageText.Normalize(question)]).GetAwaiter().GetResult()[0].Vector.ToArray();
        _lastQuery = new QueryVector(question, vector);
        return vector;
    }

    // Each passage as a whole (heading, document title, text), each of its sentences and each of its alternate questions,
    // in one batch: a question about one detail ("say nothing until we know everything") is closest to the sentence that
    // holds it, and one worded as leaders word it ("wat do i tell the press") to the alternate question.
    private PassageVectors[] EmbedPassages()
    {
        var sentences = _passages.Select(p => SentenceSplitter.Split(p.Text)).ToArray();
        var texts = _passages.Select(p => $"{p.Heading}. {Corpus.FindDocument(p.DocumentId)?.Title}. {p.Text}")
            .Concat(sentences.SelectMany(x => x))
            .Concat(_passages.SelectMany(p => p.Questions));
        var vectors = EmbeddingCache.GetOrCreate(_embeddings!, [.. texts]);
        var next = _passages.Length;
        var result = new PassageVectors[_passages.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new PassageVectors(vectors[i], vectors[next..(next + sentences[i].Count)], []);
            next += sentences[i].Count;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = result[i] with { Questions = vectors[next..(next + _passages[i].Questions.Count)] };
            next += _passages[i].Questions.Count;
        }

        return result;
    }

    // A passage is as close as its whole text, its closest sentence or its closest alternate question. Both rankings are scaled to their best hit,
    // so neither dominates by its units; lessons step back behind guidance. A document's title sent as the question
    // (a related topic tapped) retrieves that document, however close other passages are in meaning.
    private DenseScores Fuse(string question, double[] lexical, float[] query, IReadOnlyList<string> words)
    {
        var vectors = _passageVectors!.Value;
        var similarity = new double[lexical.Length];
        var sentences = new double[lexical.Length][];
        var questions = new double[lexical.Length];
        for (var i = 0; i < vectors.Length; i++)
        {
            sentences[i] = [.. vectors[i].Sentences.Select(v => (double)LocalSentenceEmbedder.Dot(query, v))];
            questions[i] = vectors[i].Questions.Select(v => (double)LocalSentenceEmbedder.Dot(query, v)).DefaultIfEmpty(-1).Max();
            similarity[i] = Math.Max(Math.Max(LocalSentenceEmbedder.Dot(query, vectors[i].Whole), sentences[i].DefaultIfEmpty(-1).Max()), questions[i]);
        }

        var lessonsWeight = words.Any(LessonWords.Contains) ? 1 : LessonsWeight;
        var titled = _documentByTitle.GetValueOrDefault(question.Trim());
        var maxLexical = lexical.Max();
        var maxSimilarity = similarity.Max();
        var fused = new double[lexical.Length];
        for (var i = 0; i < fused.Length; i++)
        {
            var lex = maxLexical > 0 ? lexical[i] / maxLexical : 0;
            var dense = maxSimilarity > 0 ? Math.Max(0, similarity[i]) / maxSimilarity : 0;
            fused[i] = ((DenseWeight * dense) + ((1 - DenseWeight) * lex)) * (_passages[i].Topic == LessonsTopic ? lessonsWeight : 1)
                + (_passages[i].DocumentId == titled ? 1 : 0);
        }

        return new DenseScores(fused, similarity, sentences, questions);
    }

    private sealed record PassageVectors(float[] Whole, float[][] Sentences, float[][] Questions);

    private sealed record DenseScores(double[] Fused, double[] Similarity, double[][] Sentences, double[] Questions);

    private sealed record QueryVector(string Text, float[] Vector);
}
