using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Embeddings;
using Mvai.Knowledge.Retrieval;
using Mvai.Knowledge.Safety;

namespace Mvai.Knowledge.Tests;

/// <summary>BM25F fused with sentence embeddings: meaning where the words differ, lessons behind guidance, answers that hold together.</summary>
public sealed class HybridRetrievalTests
{
    /// <summary>The shipped corpus over the process's one model; passage vectors are computed once and shared.</summary>
    internal static readonly GuidanceIndex Index = new(CorpusLoader.LoadDefault(), Generator);

    private static LocalEmbeddingGenerator Generator => new(LocalSentenceEmbedder.Shared);

    private static readonly GuidanceAnswerer Answerer = new(Index, new SafetyScreen());

    [Fact]
    public void A_question_in_other_words_finds_the_passage_that_means_it_and_is_answered()
    {
        const string question = "old school policy here is say nothing until we know everything";

        var answer = Answerer.Answer(question);

        Assert.Equal("media-first-hour", Index.Search(question, 1).Single().Passage.DocumentId);
        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Contains("outdated", answer.ShortAnswer, StringComparison.Ordinal);
        Assert.Equal(AnswerKind.LowConfidence, new GuidanceAnswerer(RetrievalTests.Index, new SafetyScreen()).Answer(question).Kind);
    }

    [Fact]
    public void A_passage_sharing_no_word_with_the_question_is_found_by_meaning()
    {
        var corpus = TinyCorpus.Build(
            ("meals", "first-days", ["Make sure staff have regular meals and water between shifts."]),
            TinyCorpus.Filler("filler"));
        const string question = "nobody on the team is eating properly";

        Assert.DoesNotContain(new GuidanceIndex(corpus).Search(question, 5), h => h.Passage.DocumentId == "meals");
        var hit = new GuidanceIndex(corpus, Generator).Search(question, 1).Single();
        Assert.Equal("meals", hit.Passage.DocumentId);
        Assert.Equal(0, hit.Lexical);
        Assert.NotNull(hit.Similarity);
    }

    [Fact]
    public void A_passage_is_found_through_its_alternate_question_by_meaning_and_by_words()
    {
        var corpus = TinyCorpus.Build(
            ("records", "first-days", ["Keep careful records of staff hours during the response."]),
            ("program", "first-days", ["Ask the state victim assistance office about the federal program early."]),
            TinyCorpus.Filler("filler"));
        const string question = "who is going to pay for all this overtime";
        var withQuestions = new GuidanceCorpus([.. corpus.Documents.Select(d => d.Id != "program" ? d
            : d with { Passages = [.. d.Passages.Select(p => p with { Questions = ["who pays the overtime for our officers", "grant for extra costs"] })] })]);

        var before = new GuidanceIndex(corpus, Generator).Search(question, 1).Single();
        var hit = new GuidanceIndex(withQuestions, Generator).Search(question, 1).Single();

        Assert.NotEqual("program", before.Passage.DocumentId);
        Assert.Null(before.QuestionSimilarity);
        Assert.Equal("program", hit.Passage.DocumentId);
        Assert.Equal(hit.QuestionSimilarity, hit.Similarity);
        Assert.Equal("program", new GuidanceIndex(withQuestions).Search(question, 1).Single().Passage.DocumentId);
    }

    [Fact]
    public void A_lesson_ranks_below_guidance_that_matches_as_well()
    {
        // Same text, so only the topic differs; the lesson's id sorts first and would win a tie.
        const string text = "Hold family briefings at set times, at least twice a day, before any press conference.";
        var corpus = TinyCorpus.Build(("a-lesson", "weeks", [text]), ("guidance", "weeks", [text]), TinyCorpus.Filler("filler"));
        corpus = new GuidanceCorpus([.. corpus.Documents.Select(d => d.Id == "a-lesson"
            ? d with { Topic = "lessons", Passages = [.. d.Passages.Select(p => p with { Topic = "lessons" })] }
            : d)]);

        var hits = new GuidanceIndex(corpus, Generator).Search("how often should we brief the families", 2);

        Assert.Equal(["guidance", "a-lesson"], hits.Select(h => h.Passage.DocumentId));
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Theory]
    [InlineData("we had a shooting at the high school today, 4 dead. I dont know what to do first")]
    [InlineData("what do i tell the press in the first hour")]
    [InlineData("how do we handle all the donations people are sending")]
    [InlineData("one of my guys isnt sleeping since the shooting")]
    [InlineData("what should the family assistance center offer")]
    [InlineData("when should we do the after action review")]
    public void Key_points_come_from_passages_answering_the_same_question(string question)
    {
        var answer = Answerer.Answer(question);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        var best = answer.Passages[0];
        Assert.Equal(best.Heading, answer.Headline);
        Assert.All(answer.Passages.Skip(1), p => Assert.True(
            p.DocumentId == best.DocumentId || (p.Topic == best.Topic && p.Topic != "lessons"), $"{p.Id} joined {best.Id}"));
        Assert.All(answer.KeyPoints, point => Assert.Contains(answer.Passages, p => SentenceSplitter.Split(p.Text).Contains(point)));
        Assert.InRange(answer.KeyPoints.Count, 0, 4);
    }

    [Fact]
    public void No_key_point_tells_of_an_unrelated_incident()
    {
        var answer = Answerer.Answer("we had a shooting at the high school today, 4 dead. I dont know what to do first");

        Assert.DoesNotContain(answer.KeyPoints, p => p.Contains("were killed", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(answer.Passages, p => p.Topic == "lessons");
    }

    [Fact]
    public async Task The_async_search_ranks_as_the_sync_one()
    {
        const string question = "reporters are everywhere what do i tell them";

        var sync = Index.Search(question, 5);
        var other = Index.Search("a different question about donations", 1);
        var async = await Index.SearchAsync(question, 5);

        Assert.NotEmpty(other);
        Assert.Equal(sync.Select(h => h.Passage.Id), async.Select(h => h.Passage.Id));
    }

    [Fact]
    public void Passages_are_embedded_once_per_process_for_the_same_model_and_text()
    {
        var counting = new CountingGenerator(Generator);
        var corpus = TinyCorpus.Build(("cached", "weeks", ["A passage only this test embeds, about radio channels at staging."]));

        new GuidanceIndex(corpus, counting).Search("radio", 1);
        var afterFirst = counting.Texts;
        new GuidanceIndex(corpus, counting).Search("staging", 1);

        Assert.Equal(afterFirst + 1, counting.Texts);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void AddKnowledge_uses_the_hybrid_unless_embeddings_are_switched_off(string? enabled, bool hybrid)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(enabled is null ? [] : [new("Knowledge:Embeddings:Enabled", enabled)]).Build();
        using var services = new ServiceCollection().AddKnowledge(configuration).BuildServiceProvider();

        Assert.Equal(hybrid, services.GetRequiredService<GuidanceIndex>().IsHybrid);
        Assert.Equal(hybrid, services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is not null);
    }

    /// <summary>Counts the texts a generator is asked to embed (passages at first search, then one per question).</summary>
    private sealed class CountingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public int Texts { get; private set; }

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Texts += list.Count;
            return base.GenerateAsync(list, options, cancellationToken);
        }
    }
}
