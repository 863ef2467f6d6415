using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

/// <summary>How an answer is put together: headline, lead, key points that answer the question, sentences that stand alone.</summary>
public sealed class AnswerCompositionTests
{
    private static readonly GuidanceAnswerer Answerer = new(RetrievalTests.Index, new SafetyScreen());

    [Theory]
    [InlineData("how often should we brief the media")]
    [InlineData("can officers take time off after this")]
    public void The_headline_is_the_best_passages_heading_and_comes_first(string question)
    {
        var answer = Answerer.Answer(question);

        Assert.Equal(answer.Passages[0].Heading, answer.Headline);
        Assert.StartsWith(answer.Headline + "\n" + answer.ShortAnswer, AnswerFormatter.Format(answer), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when is the next presser", "briefing")]
    [InlineData("should my dispatchers get support too", "dispatchers")]
    public void Key_points_are_the_sentences_that_match_the_question_or_its_synonyms(string question, string expected)
    {
        var answer = Answerer.Answer(question);

        Assert.DoesNotContain(expected, answer.ShortAnswer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(answer.KeyPoints, p => p.Contains(expected, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("This was a core recommendation of the Sandy Hook state police review.", false)]
    [InlineData("Officers often worry about this.", false)]
    [InlineData("MVAI focuses on three areas, each with its own advisors:", false)]
    [InlineData("Hold family briefings at set times, at least twice a day.", true)]
    public void Only_sentences_that_stand_alone_become_key_points(string sentence, bool standsAlone) =>
        Assert.Equal(standsAlone, SentencePicker.StandsAlone(sentence));

    [Theory]
    [InlineData("what do i tell the press in the first hour")]
    [InlineData("a year later my officers are still struggling")]
    [InlineData("how do we do reunifcation")]
    public void No_key_point_leans_on_a_sentence_that_was_not_sent(string question)
    {
        var answer = Answerer.Answer(question);

        Assert.All(answer.KeyPoints, p => Assert.True(SentencePicker.StandsAlone(p), p));
    }

    [Fact]
    public void A_sentence_ending_in_a_quotation_is_split_from_the_next()
    {
        var sentences = SentenceSplitter.Split("It is fine to say \"that is part of the investigation.\" Where you can, tell families first.");

        Assert.Equal(["It is fine to say \"that is part of the investigation.\"", "Where you can, tell families first."], sentences);
    }
}
