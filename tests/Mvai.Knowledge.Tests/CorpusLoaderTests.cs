using Mvai.Knowledge.Corpus;

namespace Mvai.Knowledge.Tests;

/// <summary>The loader's format rules, on small files written for each rule.</summary>
public sealed class CorpusLoaderTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "mvai-corpus-" + Guid.NewGuid().ToString("N"));

    public CorpusLoaderTests() => Directory.CreateDirectory(_temp);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Theory]
    [InlineData("unclosed-front-matter", "unclosed-front-matter/unclosed.md", 1, "never closed")]
    [InlineData("unknown-topic", "unknown-topic/unknown-topic.md", 4, "unknown topic 'tactics'")]
    [InlineData("missing-sources-line", "missing-sources-line/missing-sources-line.md", 18, "does not end with a 'Sources:")]
    [InlineData("source-out-of-range", "source-out-of-range/source-out-of-range.md", 18, "source 3 is out of range")]
    [InlineData("duplicate-id", "duplicate-id/b-second.md", 3, "duplicate id 'shared-id' (already used by duplicate-id/a-first.md)")]
    [InlineData("unknown-phase", "unknown-phase/unknown-phase.md", 7, "unknown phase 'first-hour'")]
    [InlineData("bad-url", "bad-url/bad-url.md", 10, "must be an absolute http or https address")]
    [InlineData("questions-after-sources", "questions-after-sources/questions-after-sources.md", 20, "must be the last line")]
    public void Malformed_file_fails_with_file_and_line(string folder, string displayPath, int line, string problem)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "Malformed", folder);

        var error = Assert.Throws<CorpusFormatException>(() => CorpusLoader.LoadDirectory(path));

        Assert.StartsWith($"{displayPath}:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.LineNumber);
    }

    [Fact]
    public void New_valid_file_loads_without_code_change()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "recovery"));
        File.WriteAllText(Path.Combine(_temp, "recovery", "new-doc.md"), """
            ---
            id: new-doc   # trailing comment
            title: "Recovery: a new document"
            topic: recovery
            phases: [weeks, long-term]
            audience: [chief, all]
            keywords: [anniversary, 'new normal']
            last_reviewed: 2026-11-24
            sources:
              - title: First source
                url: https://example.org/one#section
              - title: 'Second source'
                url: http://example.org/two
            ---

            ## First passage
            Line one.

            - a bullet

            Questions:
            - what goes first?
            - wat now

            Sources: 2, 1

            ## Second passage
            Only text.

            Sources: 1
            """);

        var corpus = CorpusLoader.LoadDirectory(_temp);

        var doc = Assert.Single(corpus.Documents);
        Assert.Equal("new-doc", doc.Id);
        Assert.Equal("Recovery: a new document", doc.Title);
        Assert.Equal(["weeks", "long-term"], doc.Phases);
        Assert.Equal(["anniversary", "new normal"], doc.Keywords);
        Assert.Equal(new DateOnly(2026, 11, 24), doc.LastReviewed);
        Assert.Equal(new Uri("https://example.org/one#section"), doc.Sources[0].Url);
        Assert.Equal(2, corpus.Passages.Count);
        var first = corpus.Passages[0];
        Assert.Equal("new-doc#1", first.Id);
        Assert.Equal("First passage", first.Heading);
        Assert.Equal("Line one.\n\n- a bullet", first.Text);
        Assert.Equal(["what goes first?", "wat now"], first.Questions);
        Assert.Empty(corpus.Passages[1].Questions);
        Assert.Equal(["Second source", "First source"], first.Sources.Select(s => s.Title));
        Assert.Equal("recovery", first.Topic);
        Assert.Equal("new-doc#2", corpus.Passages[1].Id);
        Assert.Same(doc, corpus.FindDocument("new-doc"));
    }

    [Theory]
    [InlineData("## Empty\n\nSources: 1\n", 12, "has no text")]
    [InlineData("Intro text outside a passage.\n\n## A\nText.\n\nSources: 1\n", 12, "text before the first")]
    [InlineData("## A\nText.\nSources: 1\nMore text.\n\nSources: 1\n", 14, "must be the last line")]
    [InlineData("## A\nText.\n\nSources: one\n", 15, "malformed Sources line")]
    [InlineData("\n", 11, "no '## ' passage")]
    [InlineData("## A\nText.\n\nQuestions:\n- who?\nMore text.\n\nSources: 1\n", 17, "only '- question' lines")]
    [InlineData("## A\nText.\n\nQuestions:\n-\n\nSources: 1\n", 16, "only '- question' lines")]
    [InlineData("## A\nText.\n\nQuestions:\n\nSources: 1\n", 15, "has no '- question' lines")]
    [InlineData("## A\nText.\n\nQuestions:\n- who?\nQuestions:\n- what?\n\nSources: 1\n", 17, "only one 'Questions:' block")]
    [InlineData("## A\nText.\n\nQuestions:\n- who?\n- Who?\n\nSources: 1\n", 17, "listed twice")]
    [InlineData("## A\nQuestions:\n- who?\n\nSources: 1\n", 12, "has no text")]
    public void Body_rules_are_enforced(string body, int line, string problem)
    {
        File.WriteAllText(Path.Combine(_temp, "doc.md"), Header + body);

        var error = Assert.Throws<CorpusFormatException>(() => CorpusLoader.LoadDirectory(_temp));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title: T\n", "missing required field 'id'")]
    [InlineData("id: Bad_Id\n", "must be lowercase")]
    [InlineData("id: x\ncolour: red\n", "unknown key 'colour'")]
    [InlineData("id: x\nid: y\n", "duplicate key 'id'")]
    public void Front_matter_rules_are_enforced(string frontMatter, string problem)
    {
        File.WriteAllText(Path.Combine(_temp, "doc.md"), "---\n" + frontMatter + "---\n\n## A\nText.\n\nSources: 1\n");

        var error = Assert.Throws<CorpusFormatException>(() => CorpusLoader.LoadDirectory(_temp));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_options_point_at_the_shipped_content()
    {
        var options = new KnowledgeOptions();

        Assert.Equal(CorpusLoader.DefaultContentPath, options.ResolveContentPath());
        Assert.True(Directory.Exists(options.ResolveContentPath()));
        Assert.Equal(_temp, new KnowledgeOptions { ContentPath = _temp }.ResolveContentPath());
    }

    [Fact]
    public void Missing_folder_is_reported()
    {
        Assert.Throws<DirectoryNotFoundException>(() => CorpusLoader.LoadDirectory(Path.Combine(_temp, "nope")));
    }

    // Eleven lines of valid front matter (line 11 is the closing fence); the body starts on line 12.
    private const string Header = "---\nid: doc\ntitle: T\ntopic: media\nphases: [first-hours]\naudience: [pio]\nlast_reviewed: 2026-11-24\nsources:\n  - title: S\n    url: https://example.org/\n---\n";
}
