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

    [Fact]
    public void Phase_words_favour_passages_tagged_with_that_phase()
    {
        var plain = Index.Search("officer wellness support", 5);
        var later = Index.Search("officer wellness support a year later", 5);
        Assert.Contains("long-term", later[0].Passage.Phases);
        Assert.NotEqual(plain.Select(h => h.Passage.Id), later.Select(h => h.Passage.Id));
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
