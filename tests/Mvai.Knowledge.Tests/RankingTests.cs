using Mvai.Knowledge.Retrieval;

namespace Mvai.Knowledge.Tests;

/// <summary>The ranking rules beyond plain BM25F, each shown on passages written for the test.</summary>
public sealed class RankingTests
{
    [Fact]
    public void A_passage_repeating_synonyms_does_not_outrank_one_with_the_users_own_word()
    {
        var index = new GuidanceIndex(TinyCorpus.Build(
            ("own-word", "weeks", ["Give the press a short statement."]),
            ("synonyms", "weeks", ["Media, reporters, journalists and tv news crews will call."]),
            TinyCorpus.Filler("filler")));

        var hits = index.Search("press", 2);

        Assert.Equal("own-word", hits[0].Passage.DocumentId);
        Assert.Equal("synonyms", hits[1].Passage.DocumentId);
    }

    [Fact]
    public void The_words_of_an_expanded_phrase_add_up()
    {
        var index = new GuidanceIndex(TinyCorpus.Build(
            ("phrase", "weeks", ["Open a joint information center."]),
            ("one-word", "weeks", ["Center the plan on the public."]),
            TinyCorpus.Filler("filler")));

        var hits = index.Search("jic", 2);

        Assert.Equal("phrase", hits[0].Passage.DocumentId);
        Assert.True(hits[0].Score > 2 * hits[1].Score, $"{hits[0].Score} vs {hits[1].Score}");
    }

    [Fact]
    public void Coverage_weighs_words_by_rarity()
    {
        var index = new GuidanceIndex(TinyCorpus.Build(
            ("rare", "weeks", ["Support survivors through the trial."]),
            ("common", "weeks", ["Next month, brief the council.", "Next month, rest.", "Next steps each month."]),
            ("calendar", "weeks", ["Next month: budget.", "Next month: training.", "Next month: the policy review.", "Next month: awards."]),
            TinyCorpus.Filler("filler")));

        var hits = index.Search("the trial starts next month", 10);

        var rare = hits.Single(h => h.Passage.DocumentId == "rare");
        var common = hits.First(h => h.Passage.DocumentId == "common" && h.Coverage > 0);
        Assert.True(rare.Coverage > common.Coverage, $"trial {rare.Coverage} vs next month {common.Coverage}");
        Assert.Equal("rare", hits[0].Passage.DocumentId);
    }

    [Fact]
    public void A_word_the_corpus_never_uses_lowers_coverage_more_than_a_common_word()
    {
        var index = new GuidanceIndex(TinyCorpus.Build(("doc", "weeks", ["Brief the council on the plan."]), TinyCorpus.Filler("filler")));

        var unknown = index.Search("brief the zoning board", 1).Single();
        var known = index.Search("brief the council", 1).Single();

        Assert.True(unknown.Coverage < 0.5, unknown.Coverage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, known.Coverage, 6);
    }

    [Fact]
    public void A_time_word_is_covered_by_a_passage_of_that_phase()
    {
        var index = new GuidanceIndex(TinyCorpus.Build(
            ("in-phase", "first-days", ["Keep the vigil short and secure."]),
            ("other-phase", "long-term", ["Hold a vigil on the anniversary."]),
            TinyCorpus.Filler("filler")));

        var hits = index.Search("we have a vigil tomorrow", 2);

        Assert.Equal(1.0, hits.Single(h => h.Passage.DocumentId == "in-phase").Coverage, 6);
        Assert.True(hits.Single(h => h.Passage.DocumentId == "other-phase").Coverage < 1.0);
    }

    [Fact]
    public void A_passage_whose_document_also_matches_elsewhere_outranks_a_lone_match()
    {
        // Same passage text in both documents; only "b-topic" has a second matching passage.
        var index = new GuidanceIndex(TinyCorpus.Build(
            ("a-lone", "weeks", ["Protect families from the media.", "Budget for the year."]),
            ("b-topic", "weeks", ["Protect families from the media.", "Families can give media interviews away from home."]),
            TinyCorpus.Filler("filler")));

        var hits = index.Search("media families", 3);

        Assert.Equal("b-topic#1", hits[0].Passage.Id);
        Assert.Equal("a-lone#1", hits[2].Passage.Id);
    }
}
