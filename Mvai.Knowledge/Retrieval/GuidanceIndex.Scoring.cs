namespace Mvai.Knowledge.Retrieval;

/// <summary>The query-time scoring rules of <see cref="GuidanceIndex"/>: concepts with competing alternatives, document evidence.</summary>
public sealed partial class GuidanceIndex
{
    // A passage whose document also matches elsewhere is on topic; one that matches alone may
    // share only a word or two by chance ("leave them alone"). Each passage gains a share of
    // the best final score (coverage and phase included) among the other passages of its document.
    private double[] WithDocumentEvidence(double[] scores)
    {
        var first = new double[_documentCount];
        var second = new double[_documentCount];
        for (var i = 0; i < scores.Length; i++)
        {
            var d = _documentOf[i];
            (first[d], second[d]) = scores[i] > first[d] ? (scores[i], first[d]) : (first[d], Math.Max(second[d], scores[i]));
        }

        var result = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var d = _documentOf[i];
            var otherBest = scores[i] >= first[d] ? second[d] : first[d];
            result[i] = scores[i] <= 0 ? 0 : scores[i] + (DocumentEvidence * otherBest);
        }

        return result;
    }

    // Alternatives standing for the same question words (a word and its synonyms) are one
    // concept: a passage earns the best alternative plus a little for the others, as Lucene's
    // DisjunctionMax does, so a passage saying "press", "media" and "reporters" does not outscore
    // one that matches the user's own word once. The terms of one phrase add up.
    private double[] Score(List<QueryTerm> terms, out ulong[] masks)
    {
        var scores = new double[_passages.Length];
        masks = new ulong[_passages.Length];
        var best = new double[_passages.Length];
        var sum = new double[_passages.Length];
        var alternative = new double[_passages.Length];
        foreach (var concept in terms.GroupBy(t => t.ConceptMask))
        {
            Array.Clear(best);
            Array.Clear(sum);
            foreach (var phrase in concept.GroupBy(t => t.Alternative))
            {
                Array.Clear(alternative);
                foreach (var term in phrase)
                {
                    if (!_postings.TryGetValue(term.Term, out var posting))
                    {
                        continue;
                    }

                    for (var j = 0; j < posting.Passages.Length; j++)
                    {
                        alternative[posting.Passages[j]] += term.Weight * posting.Scores[j];
                        masks[posting.Passages[j]] |= term.ConceptMask;
                    }
                }

                for (var p = 0; p < scores.Length; p++)
                {
                    best[p] = Math.Max(best[p], alternative[p]);
                    sum[p] += alternative[p];
                }
            }

            for (var p = 0; p < scores.Length; p++)
            {
                scores[p] += best[p] + (SynonymTieBreaker * (sum[p] - best[p]));
            }
        }

        return scores;
    }
}
