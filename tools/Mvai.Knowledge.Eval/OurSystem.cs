using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Eval;

/// <summary>The production path: safety screen, retrieval, extractive answer.</summary>
/// <param name="name">Name shown in the report.</param>
/// <param name="index">The index.</param>
/// <param name="answerer">The answerer.</param>
public sealed class OurSystem(string name, GuidanceIndex index, GuidanceAnswerer answerer) : IEvaluatedSystem
{
    /// <inheritdoc/>
    public string Name => name;

    /// <inheritdoc/>
    public (IReadOnlyList<string> Documents, string Reply, string Outcome) Run(string question)
    {
        var answer = answerer.Answer(question);
        // An answer under a caveat ("may not cover exactly that") is told apart: for an uncovered question it is the
        // honest reply, for an answerable one it still counts as answered (its facts are scored).
        var outcome = answer.Kind == AnswerKind.Safety ? answer.Safety.ToString() : answer.Caveat is not null ? "Caveated" : answer.Kind.ToString();

        // Rank documents from the index even for safety replies so retrieval quality is measured alone
        // (the index keeps the last question's vector, so this search runs no model).
        var documents = index.Search(question, 10).Select(h => h.Passage.DocumentId).Distinct().ToList();
        return (documents, VisibleText(answer), outcome);
    }

    // What the user reads as the answer: headline, short answer and key points; source titles do not count.
    private static string VisibleText(GuidanceAnswer answer) =>
        string.Join('\n', [answer.Headline ?? string.Empty, answer.ShortAnswer, .. answer.KeyPoints]);
}
