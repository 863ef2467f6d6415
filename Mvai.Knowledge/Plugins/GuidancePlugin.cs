using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.SemanticKernel;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Plugins;

/// <summary>
/// Semantic Kernel plugin over the guidance: lets an LLM (or any kernel caller) search passages
/// and get a safe, cited answer. The safety screen runs inside answer_question, so an agent that
/// only calls the tool still cannot bypass it.
/// </summary>
public sealed class GuidancePlugin
{
    private readonly GuidanceIndex _index;
    private readonly IGuidanceAnswerer _answerer;

    /// <summary>Creates the plugin.</summary>
    /// <param name="index">Passage index used by search_guidance.</param>
    /// <param name="answerer">Answerer used by answer_question.</param>
    public GuidancePlugin(GuidanceIndex index, IGuidanceAnswerer answerer)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _answerer = answerer ?? throw new ArgumentNullException(nameof(answerer));
    }

    /// <summary>Finds the guidance passages that best match a query.</summary>
    /// <param name="query">Keywords or a question.</param>
    /// <param name="top">How many passages to return (1-10).</param>
    /// <returns>One block per passage: id, heading, text and its sources.</returns>
    [KernelFunction("search_guidance")]
    [Description("Searches the curated MVAI guidance for mass violence response and recovery; returns passages with their sources.")]
    public string SearchGuidance(
        [Description("Keywords or a question")] string query,
        [Description("How many passages to return, 1 to 10")] int top = 3)
    {
        var text = new StringBuilder();
        foreach (var hit in _index.Search(query ?? string.Empty, Math.Clamp(top, 1, 10)))
        {
            var p = hit.Passage;
            text.Append(CultureInfo.InvariantCulture, $"[{p.Id}] {p.Heading}\n{p.Text.Trim()}\nSources: ")
                .AppendJoin("; ", p.Sources.Select(s => $"{s.Title} ({s.Url.AbsoluteUri})")).Append("\n\n");
        }

        return text.Length == 0 ? "No guidance matched." : text.ToString().TrimEnd();
    }

    /// <summary>Answers a question from the guidance, with safety screening and citations.</summary>
    /// <param name="question">The user's question.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The formatted answer.</returns>
    [KernelFunction("answer_question")]
    [Description("Answers a police leader's question from the MVAI guidance, with citations; handles emergencies and out-of-scope questions safely.")]
    public async Task<string> AnswerQuestionAsync(
        [Description("The user's question")] string question, CancellationToken cancellationToken = default)
    {
        var answer = await _answerer.AnswerAsync(question ?? string.Empty, cancellationToken).ConfigureAwait(false);
        return AnswerFormatter.Format(answer);
    }
}
