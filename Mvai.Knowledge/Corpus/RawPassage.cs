namespace Mvai.Knowledge.Corpus;

/// <summary>A passage as read from the body, before its source numbers are resolved.</summary>
internal sealed record RawPassage(int HeadingLine, string Heading, string Text, int SourcesLine, IReadOnlyList<int> SourceNumbers);
