using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Retrieval;

/// <summary>One ranked passage.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">The ranking score, comparable within one query only: the BM25F score with synonym and phase adjustments, or,
/// for a hybrid index, that score fused with the dense similarity (0..1, the best hit near 1).</param>
/// <param name="Coverage">Share (0..1) of the query's content words the passage matched, directly or through a synonym or typo fix, each word weighted by its rarity (IDF; a word the corpus never uses weighs most).</param>
public sealed record SearchHit(GuidancePassage Passage, double Score, double Coverage)
{
    /// <summary>The passage's BM25F score alone; equal to <see cref="Score"/> for a lexical index.</summary>
    public double Lexical { get; init; } = Score;

    /// <summary>
    /// Cosine similarity (-1..1) of the question and the passage: the closest of its whole text, its sentences and its alternate
    /// questions; null when the index has no embedder.
    /// </summary>
    public double? Similarity { get; init; }

    /// <summary>
    /// Cosine similarity of the question and each sentence of the passage, in <see cref="Answering.SentenceSplitter"/> order,
    /// so an answer can quote the sentences closest in meaning; null when the index has no embedder.
    /// </summary>
    public IReadOnlyList<double>? SentenceSimilarities { get; init; }

    /// <summary>
    /// Cosine similarity of the question and the closest of the passage's alternate questions (<see cref="GuidancePassage.Questions"/>);
    /// null when the index has no embedder or the passage lists no questions.
    /// </summary>
    public double? QuestionSimilarity { get; init; }
}
