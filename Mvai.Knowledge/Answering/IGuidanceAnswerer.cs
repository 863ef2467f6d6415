namespace Mvai.Knowledge.Answering;

/// <summary>Answers a user's question from the guidance corpus, after the safety screen.</summary>
public interface IGuidanceAnswerer
{
    /// <summary>Answers a question.</summary>
    /// <param name="question">The user's text, as typed.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The answer; never null.</returns>
    Task<GuidanceAnswer> AnswerAsync(string question, CancellationToken cancellationToken = default);
}
