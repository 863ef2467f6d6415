namespace Mvai.Knowledge.Corpus;

/// <summary>A passage as read from the body, before its source numbers are resolved.</summary>
internal sealed record RawPassage(int HeadingLine, string Heading, string Text, int SourcesLine, IReadOnlyList<int> SourceNumbers)
{
    /// <summary>The alternate questions of the passage's <c>Questions:</c> block, in file order; empty without one.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];
}
