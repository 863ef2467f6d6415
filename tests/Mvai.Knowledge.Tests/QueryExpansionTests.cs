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
    [InlineData("fake posts about a second shooter", "rumors", "misinformation")]
    [InlineData("how do we reach spanish speaking families", "language", "interpreters")]
    [InlineData("how often do we brief them", "schedule")]
    [InlineData("who should knock on the door", "notify", "notification")]
    [InlineData("who is in charge at the scene", "command")]
    [InlineData("what did they learn from pulse", "lessons")]
    [InlineData("reporters camped outside her house", "home")]
    public void Synonyms_and_acronyms_expand(string question, params string[] expected)
    {
        var terms = Parser.Parse(question).Terms.Select(t => t.Term).ToHashSet();
        Assert.All(expected.Select(TextAnalyzer.Stem), e => Assert.Contains(e, terms));
    }

    [Fact]
    public void Users_words_outweigh_synonyms()
    {
        var terms = Parser.Parse("press").Terms.GroupBy(t => t.Term).ToDictionary(g => g.Key, g => g.Max(t => t.Weight));
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

    [Theory]
    [InlineData("families are waiting", "notify")]
    [InlineData("reporters everywhere", "everywher")]
    [InlineData("is a debrief actually useful", "actually")]
    public void Common_words_do_not_drag_in_unrelated_terms(string question, string absent) =>
        Assert.DoesNotContain(Parser.Parse(question).Terms, t => t.Term == TextAnalyzer.Stem(absent));

    [Fact]
    public void Each_synonym_phrase_is_one_alternative_whose_words_add_up()
    {
        var phrase = Parser.Parse("jic").Terms.Where(t => t.Term is "joint" or "information" or "center").ToList();

        Assert.Equal(3, phrase.Count);
        Assert.Single(phrase.Select(t => t.Alternative).Distinct());
        Assert.NotEqual(phrase[0].Alternative, Parser.Parse("jic").Terms.Single(t => t.Term == "jic" && t.Weight == 1.0).Alternative);
    }
}
