namespace Mvai.Knowledge.Corpus;

/// <summary>
/// One <c>## </c> section of a guidance document: the unit that retrieval ranks and the bot quotes.
/// It carries copies of the document's topic, phases and audience so retrieval can filter on
/// passages alone.
/// </summary>
public sealed record GuidancePassage
{
    /// <summary>Passage id, <c>{documentId}#{n}</c> with n counting passages from 1.</summary>
    public required string Id { get; init; }

    /// <summary>Id of the document the passage belongs to.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Heading of the passage, without the leading <c>## </c>.</summary>
    public required string Heading { get; init; }

    /// <summary>Markdown text of the passage, without its heading and its Sources line.</summary>
    public required string Text { get; init; }

    /// <summary>
    /// Questions the passage answers, as a leader under stress would type them (the <c>Questions:</c> block before the
    /// Sources line). Retrieval matches them; they are never shown. Empty when the passage lists none.
    /// </summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>The citations named by the passage's Sources line, in the order given there.</summary>
    public required IReadOnlyList<SourceCitation> Sources { get; init; }

    /// <summary>Topic of the document.</summary>
    public required string Topic { get; init; }

    /// <summary>Phases of the document.</summary>
    public required IReadOnlyList<string> Phases { get; init; }

    /// <summary>Audience of the document.</summary>
    public required IReadOnlyList<string> Audience { get; init; }
}
