using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Tests;

public sealed class QueryExpansionTests
{
    private static readonly QueryParser Parser = new(_ => false, new TypoCorrector(["donation", "reunification"], _ => 1));

    [Theory]
    [InlineData("what is the jic", "joint", "information", "center")]
    [InlineData("joint information center", "jic")]
    [InlineData("wht is a FAC", "family", "assistance")]
    [InlineData("talk to the press", "media", "reporter")]
    [InlineData("reporters are calling", "press", "media")]
    [InlineData("my cops are tired", "officer")]
    [InlineData("one of my guys", "officer")]
    [InlineData("presser at 5", "press", "conference")]
    [InlineData("FBI VSD", "victim", "services", "division")]
    [InlineData("what is cism", "critical", "incident", "stress")]
    [InlineData("AEAP", "antiterrorism")]
    [InlineData("OVC", "office", "victim", "crime")]
    [InlineData("EAP", "employee", "assistance", "program")]
    [InlineData("since the shooting", "attack")]
    public void Synonyms_and_acronyms_expand(string question, params string[] expected)
    {
        var terms = Parser.Parse(question).Terms.Select(t => t.Term).ToHashSet();
        Assert.All(expected.Select(TextAnalyzer.Stem), e => Assert.Contains(e, terms));
    }

    [Fact]
    public void Users_words_outweigh_synonyms()
    {
        var terms = Parser.Parse("press").Terms.ToDictionary(t => t.Term, t => t.Weight);
        Assert.Equal(1.0, terms["press"]);
        Assert.True(terms["media"] < 1.0);
    }

    [Theory]
    [InlineData("donatoins", "donation")]
    [InlineData("reunifcation", "reunification")]
    public void Typos_of_five_letters_or_more_are_fixed(string typo, string fixedTerm) =>
        Assert.Contains(Parser.Parse(typo).Terms, t => t.Term == fixedTerm);

    [Fact]
    public void Short_words_are_not_typo_fixed() =>
        Assert.Null(new TypoCorrector(["fac"], _ => 1).Correct("fad"));
}
