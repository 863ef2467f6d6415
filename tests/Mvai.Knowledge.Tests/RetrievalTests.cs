using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Tests;

public sealed class RetrievalTests
{
    internal static readonly GuidanceIndex Index = new(CorpusLoader.LoadDefault());

    [Theory]
    [InlineData("wht is a FAC", "family-assistance-center")]
    [InlineData("who staffs the JIC", "media-joint-information-center")]
    [InlineData("can FBI VSD help us", "victim-services-fbi")]
    [InlineData("is there AEAP money for overtime", "victim-funding-aeap")]
    [InlineData("what is cism", "wellness-programs-and-long-term")]
    [InlineData("one of my guys isnt sleeping since the shooting", "wellness-first-days")]
    [InlineData("reporters are everywhere what do i tell them", "media-first-hour")]
    [InlineData("donatoins are piling up", "donations-and-volunteers")]
    [InlineData("how do we do reunifcation", "reunification-center")]
    [InlineData("should we do a presser", "media-first-hour")]
    public void Acronyms_synonyms_and_typos_find_the_right_document(string question, string documentId) =>
        Assert.Equal(documentId, Index.Search(question, 1).Single().Passage.DocumentId);

    [Theory]
    [InlineData("presser", "press conference")]
    [InlineData("fac", "family assistance center")]
    public void Synonyms_expand_both_ways(string shortForm, string longForm)
    {
        var a = Index.Search(shortForm, 1).Single().Passage.DocumentId;
        var b = Index.Search(longForm, 1).Single().Passage.DocumentId;
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("what do we do tonight", "first-hours")]
    [InlineData("in the first hour", "first-hours")]
    [InlineData("a year later people are still hurting", "long-term")]
    [InlineData("the anniversary is next month", "long-term")]
    [InlineData("how do i write a statement", null)]
    public void Time_words_set_the_phase(string question, string? phase) =>
        Assert.Equal(phase, PhaseDetector.Detect(question));

    [Theory]
    [InlineData("how do we support officers a year later", "long-term")]
    [InlineData("what do we tell the families tonight", "first-hours")]
    public void Phase_words_boost_exactly_the_passages_tagged_with_that_phase(string question, string phase)
    {
        var noBoost = new GuidanceIndex(Index.Corpus) { PhaseBoost = 1.0 };
        var plain = noBoost.Search(question, 200).ToDictionary(h => h.Passage.Id, h => h.Score);
        var boosted = Index.Search(question, 200);
        Assert.Equal(1.2, Index.PhaseBoost);
        Assert.Contains(boosted, h => !h.Passage.Phases.Contains(phase));
        Assert.All(boosted, h => Assert.Equal(h.Passage.Phases.Contains(phase) ? 1.2 : 1.0, h.Score / plain[h.Passage.Id], 6));
        Assert.Contains(phase, boosted[0].Passage.Phases);
    }

    [Theory]
    [InlineData("donations", "donation")]
    [InlineData("briefing", "brief")]
    [InlineData("notified", "notify")]
    [InlineData("closing", "clos")]
    [InlineData("FAC", "FAC")]
    public void Stemming_is_light(string word, string stem) => Assert.Equal(stem, TextAnalyzer.Stem(word));

    [Fact]
    public void Nonsense_and_stop_words_return_nothing() => Assert.Empty(Index.Search("what is the", 3));
}
