using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Eval;

/// <summary>The production path: safety screen, BM25F retrieval, extractive answer.</summary>
/// <param name="index">The index.</param>
/// <param name="answerer">The answerer.</param>
public sealed class OurSystem(GuidanceIndex index, GuidanceAnswerer answerer) : IEvaluatedSystem
{
    /// <inheritdoc/>
    public string Name => "MVAI retrieval";

    /// <inheritdoc/>
    public (IReadOnlyList<string> Documents, string Reply, string Outcome) Run(string question)
    {
        var answer = answerer.Answer(question);
        var outcome = answer.Kind == AnswerKind.Safety ? answer.Safety.ToString() : answer.Kind.ToString();

        // Rank documents from the index even for safety replies so retrieval quality is measured alone.
        var documents = index.Search(question, 10).Select(h => h.Passage.DocumentId).Distinct().ToList();
        return (documents, AnswerFormatter.Format(answer), outcome);
    }
}
