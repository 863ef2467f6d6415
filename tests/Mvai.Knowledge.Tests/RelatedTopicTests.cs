using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

/// <summary>Follow-up topics offered after an answer: new to the answer, and each one answers its own topic when tapped.</summary>
public sealed class RelatedTopicTests
{
    private static readonly GuidanceAnswerer Answerer = new(RetrievalTests.Index, new SafetyScreen());

    public static TheoryData<string> OfferableDocuments() =>
        [.. RetrievalTests.Index.Corpus.Documents.Select(d => d.Id).Where(id => id is not ("safety-scope" or "about-mvai-request-help"))];

    [Theory]
    [MemberData(nameof(OfferableDocuments))]
    public void Tapping_a_topic_title_answers_that_topic(string documentId)
    {
        var title = RetrievalTests.Index.Corpus.FindDocument(documentId)!.ShortTitle;

        var answer = Answerer.Answer(title);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(documentId, answer.Passages[0].DocumentId);
        Assert.NotEmpty(answer.Citations);
    }

    [Theory]
    [InlineData("what do i tell the press in the first hour")]
    [InlineData("one of my guys isnt sleeping since the shooting")]
    [InlineData("who pays for all the overtime")]
    [InlineData("the anniversary is coming up what should we plan")]
    public void An_answer_offers_two_topics_it_did_not_cite(string question)
    {
        var answer = Answerer.Answer(question);

        var cited = answer.Passages.Select(p => RetrievalTests.Index.Corpus.FindDocument(p.DocumentId)!.ShortTitle);
        Assert.Equal(GuidanceAnswerer.RelatedTopicCount, answer.RelatedTopics.Count);
        Assert.Equal(answer.RelatedTopics.Count, answer.RelatedTopics.Distinct().Count());
        Assert.Empty(answer.RelatedTopics.Intersect(cited));
    }

    [Fact]
    public void Related_topics_follow_the_ranking_of_the_question()
    {
        var answer = Answerer.Answer("what do i tell the press in the first hour");

        var ranked = RetrievalTests.Index.Search("what do i tell the press in the first hour", 16)
            .Select(h => RetrievalTests.Index.Corpus.FindDocument(h.Passage.DocumentId)!.ShortTitle).Distinct().ToList();
        Assert.All(answer.RelatedTopics, t => Assert.Contains(t, ranked));
    }

    [Fact]
    public void A_low_confidence_answer_offers_the_topics_it_lists()
    {
        var answer = Answerer.Answer("what is the capital of france");

        Assert.Equal(AnswerKind.LowConfidence, answer.Kind);
        Assert.Equal(GuidanceAnswerer.RelatedTopicCount, answer.RelatedTopics.Count);
        Assert.All(answer.RelatedTopics, t => Assert.Contains("The guidance covers: " + t, answer.KeyPoints));
    }

    [Fact]
    public void Safety_replies_offer_no_topics() =>
        Assert.Empty(Answerer.Answer("there's a shooter in the building right now").RelatedTopics);

    [Theory]
    [InlineData("Self-deployment, staging and protecting the scene (strategic lessons)", "Self-deployment, staging and protecting the scene")]
    [InlineData("Lessons for leaders from Aurora, Colorado (2012)", "Lessons for leaders from Aurora, Colorado")]
    [InlineData("Reunification (FAC)", "Reunification (FAC)")]
    [InlineData("Talking to the media in the first hours", "Talking to the media in the first hours")]
    public void Short_titles_drop_a_trailing_parenthetical_only_when_enough_is_left(string title, string shortTitle)
    {
        var document = RetrievalTests.Index.Corpus.Documents[0] with { Title = title };

        Assert.Equal(shortTitle, document.ShortTitle);
    }
}
