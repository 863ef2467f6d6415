namespace Mvai.Knowledge.Corpus;

/// <summary>A public source that guidance text is based on.</summary>
/// <param name="Title">Human-readable title of the source, shown to users as the citation.</param>
/// <param name="Url">Absolute http or https address of the source.</param>
public sealed record SourceCitation(string Title, Uri Url);
