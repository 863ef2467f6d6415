using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Retrieval;

/// <summary>One ranked passage.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">Field-weighted BM25 score with synonym and phase adjustments; comparable within one query only.</param>
/// <param name="Coverage">Share (0..1) of the query's content words the passage matched, directly or through a synonym or typo fix, each word weighted by its rarity (IDF; a word the corpus never uses weighs most).</param>
public sealed record SearchHit(GuidancePassage Passage, double Score, double Coverage);
