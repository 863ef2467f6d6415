using System.Text.RegularExpressions;
using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Tests;

/// <summary>Checks on the real curated corpus that ships in Mvai.Knowledge/Content.</summary>
public sealed partial class CorpusContentTests
{
    // Every phone number the corpus may print. Anything else (for example an unverified number
    // for Safe Call Now) must be checked against an official page before it is added here.
    private static readonly string[] VerifiedPhoneNumbers =
        ["1-800-267-5463", "1-800-985-5990", "1-800-273-8255", "1-866-682-8822"];

    private static readonly GuidanceCorpus Corpus = CorpusLoader.LoadDefault();

    public static TheoryData<string> Topics => [.. CorpusVocabulary.Topics];

    public static TheoryData<string> Phases => [.. CorpusVocabulary.Phases];

    [Fact]
    public void Real_corpus_loads_from_the_default_folder()
    {
        Assert.InRange(Corpus.Documents.Count, 25, 60);
        Assert.True(Corpus.Passages.Count >= Corpus.Documents.Count * 3);
    }

    [Fact]
    public void Every_passage_cites_at_least_one_source_with_a_web_url()
    {
        Assert.All(Corpus.Passages, p =>
        {
            Assert.NotEmpty(p.Sources);
            Assert.All(p.Sources, s => Assert.True(s.Url.Scheme is "https" or "http", p.Id));
        });
    }

    [Fact]
    public void Every_passage_lists_three_to_six_short_alternate_questions_used_by_no_other_passage()
    {
        Assert.All(Corpus.Passages, p =>
        {
            Assert.InRange(p.Questions.Count, 3, 6);
            Assert.All(p.Questions, q => Assert.InRange(q.Length, 5, 80));
        });
        var shared = Corpus.Passages.SelectMany(p => p.Questions.Select(q => (Question: q.ToUpperInvariant(), p.Id)))
            .GroupBy(x => x.Question).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(shared);
    }

    [Fact]
    public void Every_listed_source_is_cited_by_some_passage()
    {
        Assert.All(Corpus.Documents, d =>
            Assert.All(d.Sources, s => Assert.True(d.Passages.Any(p => p.Sources.Contains(s)), $"{d.Id}: {s.Title}")));
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void Every_topic_has_a_document(string topic) =>
        Assert.True(Corpus.Documents.Any(d => d.Topic == topic), $"no document for topic '{topic}'");

    [Theory]
    [MemberData(nameof(Phases))]
    public void Every_phase_is_covered(string phase) =>
        Assert.True(Corpus.Documents.Any(d => d.Phases.Contains(phase)), $"no document for phase '{phase}'");

    [Fact]
    public void Ids_are_unique_and_match_file_and_folder()
    {
        Assert.Equal(Corpus.Documents.Count, Corpus.Documents.Select(d => d.Id).Distinct().Count());
        Assert.Equal(Corpus.Passages.Count, Corpus.Passages.Select(p => p.Id).Distinct().Count());
        Assert.All(Corpus.Documents, d =>
        {
            Assert.Equal(d.Id, Path.GetFileNameWithoutExtension(d.FilePath));
            Assert.Equal(d.Topic, Path.GetFileName(Path.GetDirectoryName(d.FilePath)));
        });
    }

    [Theory]
    [InlineData("988")]
    [InlineData("838255")]
    [InlineData("1-800-267-5463")]
    [InlineData("1-800-985-5990")]
    [InlineData("call or text 1-800-985-5990")]
    public void Crisis_lines_content_carries_the_exact_numbers(string number)
    {
        var text = string.Join("\n", Corpus.Passages.Where(p => p.Topic == "crisis-lines").Select(p => p.Text));

        Assert.Contains(number, text, StringComparison.Ordinal);
    }

    // SAMHSA no longer lists the Disaster Distress Helpline's "TalkWithUs" to 66746 text keyword;
    // texting goes to 1-800-985-5990 itself.
    [Theory]
    [InlineData("66746")]
    [InlineData("TalkWithUs")]
    public void No_passage_carries_a_retired_crisis_line(string retired) =>
        Assert.DoesNotContain(Corpus.Passages, p => p.Text.Contains(retired, StringComparison.OrdinalIgnoreCase));

    // A lessons passage opens with what to do; the incident (when, how many died) is at most context after it,
    // so that a message about a new incident is not answered with another incident's death toll.
    [Fact]
    public void Lessons_passages_lead_with_the_lesson_not_the_event()
    {
        Assert.All(Corpus.Passages.Where(p => p.Topic == "lessons"), p =>
            Assert.DoesNotMatch(EventSummary(), FirstSentence().Match(p.Text).Value));
    }

    [Fact]
    public void Safety_content_sends_active_threats_to_911()
    {
        Assert.Contains(Corpus.Passages, p => p.Topic == "safety" && p.Text.Contains("911", StringComparison.Ordinal));
    }

    [Fact]
    public void No_unverified_phone_number_appears()
    {
        Assert.All(Corpus.Passages, p =>
        {
            foreach (Match m in PhonePattern().Matches(p.Text))
            {
                Assert.True(VerifiedPhoneNumbers.Contains(m.Value), $"{p.Id}: unverified number {m.Value}");
            }

            // Safe Call Now's number is unverified: passages about it must carry no number at all.
            if (p.Text.Contains("Safe Call Now", StringComparison.Ordinal))
            {
                Assert.DoesNotMatch(AnyDigitRun(), p.Text);
            }
        });
    }

    // 1-800-123-4567, 800-123-4567, (800) 123-4567, 800.123.4567
    [GeneratedRegex(@"(\b1[-. ])?(\(\d{3}\)\s?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\d{3}[-. ]?\d{3}[-. ]?\d{4}")]
    private static partial Regex AnyDigitRun();

    [GeneratedRegex(@"^.*?[.!?](\s|$)", RegexOptions.Singleline)]
    private static partial Regex FirstSentence();

    [GeneratedRegex(@"\b(killed|wounded|injured|dead|died)\b|^On (January|February|March|April|May|June|July|August|September|October|November|December)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EventSummary();
}
