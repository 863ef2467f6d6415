using Microsoft.SemanticKernel.ChatCompletion;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Llm;

/// <summary>
/// Optional LLM answerer: retrieval picks the passages, the model words the answer from them
/// only, and citations always come from the passages, not from the model. Safety replies,
/// low-confidence replies and any model failure fall back to the offline extractive answerer,
/// so a chief at 2 a.m. always gets an answer even if the API is down.
/// </summary>
public sealed class GroundedLlmAnswerer : IStreamingGuidanceAnswerer
{
    private const int PassageCount = 4;
    private readonly GuidanceIndex _index;
    private readonly GuidanceAnswerer _fallback;
    private readonly IChatCompletionService _chat;

    /// <summary>Creates the answerer.</summary>
    /// <param name="index">Passage index.</param>
    /// <param name="fallback">Offline answerer used for safety, low confidence and failures.</param>
    /// <param name="chat">Chat completion service (the SK OpenAI connector in production).</param>
    public GroundedLlmAnswerer(GuidanceIndex index, GuidanceAnswerer fallback, IChatCompletionService chat)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _chat = chat ?? throw new ArgumentNullException(nameof(chat));
    }

    /// <inheritdoc/>
    public Task<GuidanceAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default) =>
        AnswerCoreAsync(question, onText: null, cancellationToken);

    /// <inheritdoc/>
    public Task<GuidanceAnswer> AnswerStreamingAsync(string question, Func<string, CancellationToken, Task> onText, CancellationToken cancellationToken = default) =>
        AnswerCoreAsync(question, onText ?? throw new ArgumentNullException(nameof(onText)), cancellationToken);

    private async Task<GuidanceAnswer> AnswerCoreAsync(string question, Func<string, CancellationToken, Task>? onText, CancellationToken cancellationToken)
    {
        var offline = _fallback.Answer(question);
        if (offline.Kind != AnswerKind.Answered)
        {
            return offline;
        }

        IReadOnlyList<GuidancePassage> passages = [.. _index.Search(question, PassageCount).Select(h => h.Passage)];
        var history = new ChatHistory(GroundedPrompt.System);
        history.AddUserMessage(GroundedPrompt.User(question, passages));
        try
        {
            var written = onText is null ? await CompleteAsync(history, cancellationToken).ConfigureAwait(false) : await StreamAsync(history, onText, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(written))
            {
                return offline;
            }

            var cited = passages.Select(p => _index.Corpus.FindDocument(p.DocumentId)?.ShortTitle).ToHashSet(StringComparer.Ordinal);
            return offline with
            {
                ShortAnswer = written.Trim(),
                ModelWritten = true,
                KeyPoints = [],
                Passages = passages,
                Citations = [.. passages.SelectMany(p => p.Sources).DistinctBy(s => s.Url.AbsoluteUri, StringComparer.Ordinal)],

                // The model read more passages than the offline answer cited; offer only what it did not.
                RelatedTopics = [.. offline.RelatedTopics.Where(t => !cited.Contains(t))],
            };
        }
        // Any API failure degrades to the offline answer instead of an error message (mid-stream too: what was shown
        // so far is replaced by the final answer).
        catch (Exception ex) when (ex is HttpRequestException or Microsoft.SemanticKernel.HttpOperationException or Microsoft.SemanticKernel.KernelException
            or System.ClientModel.ClientResultException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return offline;
        }
    }

    private async Task<string?> CompleteAsync(ChatHistory history, CancellationToken cancellationToken) =>
        (await _chat.GetChatMessageContentAsync(history, cancellationToken: cancellationToken).ConfigureAwait(false)).Content;

    private async Task<string> StreamAsync(ChatHistory history, Func<string, CancellationToken, Task> onText, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var piece in _chat.GetStreamingChatMessageContentsAsync(history, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(piece.Content))
            {
                text.Append(piece.Content);
                await onText(text.ToString(), cancellationToken).ConfigureAwait(false);
            }
        }
        return text.ToString();
    }
}
