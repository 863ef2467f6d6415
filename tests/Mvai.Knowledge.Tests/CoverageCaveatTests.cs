using Mvai.Knowledge.Answering;

namespace Mvai.Knowledge.Tests;

/// <summary>
/// A question the guidance comes close to but does not answer gets the closest guidance under a caveat, not a confident
/// answer to something it did not ask; a question it answers gets no caveat. The eval's training and held-out sets
/// measure how often (tools/Mvai.Knowledge.Eval, "uncovered refused or caveated"); these pin the behaviour.
/// </summary>
public sealed class CoverageCaveatTests
{
    private static readonly GuidanceAnswerer Answerer = new(HybridRetrievalTests.Index, new Safety.SafetyScreen());

    [Theory]
    [InlineData("any advice on our union's grievance over forced overtime during the shooting")]
    [InlineData("can we get a tax deduction for the squad cars we lent to the sheriff")]
    [InlineData("does the city's cyber insurance cover a ransomware attack on dispatch")]
    public void A_question_built_around_what_the_guidance_never_mentions_gets_the_closest_guidance_under_a_caveat(string question)
    {
        var answer = Answerer.Answer(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains("advisor", answer.Caveat, StringComparison.Ordinal);
        Assert.StartsWith(answer.Caveat + "\n", AnswerFormatter.Format(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how soon should the family assistance center open")]
    [InlineData("what should the chief say at the first press conference")]
    [InlineData("our officers cant sleep since the shooting, what helps")]
    public void A_question_the_guidance_answers_gets_no_caveat(string question)
    {
        var answer = Answerer.Answer(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Null(answer.Caveat);
    }
}
