using System.Text.RegularExpressions;

namespace Mvai.Knowledge.Corpus;

/// <summary>One curated guidance file: its front matter and the passages of its body.</summary>
public sealed partial record GuidanceDocument
{
    /// <summary>Unique id of the document across the corpus, e.g. <c>media-first-hour</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Title shown to users.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The title without a trailing parenthetical ("(strategic lessons)") when enough is left: short
    /// enough for a button, and still retrieves this document when sent back as a question.
    /// </summary>
    public string ShortTitle => TrailingParenthetical().Match(Title) is { Success: true } m && m.Index >= MinShortTitle ? Title[..m.Index] : Title;

    /// <summary>Topic, one of <see cref="CorpusVocabulary.Topics"/>.</summary>
    public required string Topic { get; init; }

    /// <summary>Incident phases the guidance applies to, from <see cref="CorpusVocabulary.Phases"/>.</summary>
    public required IReadOnlyList<string> Phases { get; init; }

    /// <summary>Intended readers, from <see cref="CorpusVocabulary.Audiences"/>.</summary>
    public required IReadOnlyList<string> Audience { get; init; }

    /// <summary>Extra search terms and synonyms; may be empty.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Date an editor last checked the content against its sources.</summary>
    public required DateOnly LastReviewed { get; init; }

    /// <summary>Sources of the document, in front-matter order (passages cite them 1-based).</summary>
    public required IReadOnlyList<SourceCitation> Sources { get; init; }

    /// <summary>Passages of the document, in file order.</summary>
    public required IReadOnlyList<GuidancePassage> Passages { get; init; }

    /// <summary>Path of the file the document was loaded from.</summary>
    public required string FilePath { get; init; }

    private const int MinShortTitle = 20;

    [GeneratedRegex(@"\s*\([^()]*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingParenthetical();
}
