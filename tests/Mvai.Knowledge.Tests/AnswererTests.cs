using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

public sealed class AnswererTests
{
    private readonly GuidanceAnswerer _answerer = new(RetrievalTests.Index, new SafetyScreen());

    [Theory]
    [InlineData("what do i tell the press in the first hour", "media-first-hour")]
    [InlineData("one of my guys isnt sleeping since the shooting", "wellness-first-days")]
    [InlineData("wht is a FAC", "family-assistance-center")]
    [InlineData("how do we handle all the donations people are sending", "donations-and-volunteers")]
    public async Task Typical_questions_get_a_cited_answer(string question, string documentId)
    {
        var answer = await _answerer.AnswerAsync(question, CancellationToken.None);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(documentId, answer.Passages[0].DocumentId);
        Assert.StartsWith(answer.ShortAnswer[..20], answer.Passages[0].Text.Replace("- ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Url).Distinct().Count());
        Assert.InRange(answer.KeyPoints.Count, 1, 4);
        Assert.Equal(answer.KeyPoints.Count, answer.KeyPoints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(answer.ShortAnswer, answer.KeyPoints);
        Assert.InRange(answer.Confidence, GuidanceAnswerer.LowConfidenceThreshold, 1);
    }

    [Theory]
    [InlineData("what is the capital of france")]
    [InlineData("how many parking spaces does the new precinct need")]
    public async Task Unknown_questions_offer_topics_and_an_advisor(string question)
    {
        var answer = await _answerer.AnswerAsync(question, CancellationToken.None);
        Assert.Equal(AnswerKind.LowConfidence, answer.Kind);
        Assert.Contains("MVAI peer advisor", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.NotEmpty(answer.KeyPoints);
        Assert.All(answer.KeyPoints, p => Assert.StartsWith("The guidance covers: ", p, StringComparison.Ordinal));
        Assert.Contains(answer.Citations, c => c.Url.Host.Contains("theiacp.org", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("someone has a gun at the school", SafetyKind.ActiveThreat)]
    [InlineData("one of my officers said he wants to end it", SafetyKind.Distress)]
    [InlineData("how do we breach the door", SafetyKind.Tactical)]
    public async Task Safety_runs_before_retrieval(string question, SafetyKind kind)
    {
        var answer = await _answerer.AnswerAsync(question, CancellationToken.None);
        Assert.Equal(AnswerKind.Safety, answer.Kind);
        Assert.Equal(kind, answer.Safety);
        Assert.Empty(answer.Passages);
    }
}
