namespace Mvai.Knowledge.Answering;

/// <summary>An answerer whose answers can be watched as they are written (a language model's tokens).</summary>
public interface IStreamingGuidanceAnswerer : IGuidanceAnswerer
{
    /// <summary>Answers a question, reporting the text written so far as it grows.</summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <param name="onText">Called with the whole text so far after each piece; not called for answers not written piece by piece (safety, low confidence, a fallback).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The final answer, as <see cref="IGuidanceAnswerer.AnswerAsync"/> would give it; never null.</returns>
    Task<GuidanceAnswer> AnswerStreamingAsync(string question, Func<string, CancellationToken, Task> onText, CancellationToken cancellationToken = default);
}
