namespace Mvai.Knowledge.Corpus;

/// <summary>The lines of one guidance file and the name used for it in error messages.</summary>
internal sealed class SourceFile
{
    public SourceFile(string displayPath, string text)
    {
        DisplayPath = displayPath;
        // Split on \n and drop a trailing \r so Windows-edited files report the same line numbers.
        Lines = [.. text.Split('\n').Select(l => l.TrimEnd('\r'))];
    }

    /// <summary>Path shown in messages, e.g. <c>Content/media/media-first-hour.md</c>.</summary>
    public string DisplayPath { get; }

    /// <summary>The file's lines; index 0 is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Builds the exception for a problem at a 1-based line.</summary>
    public CorpusFormatException Error(int lineNumber, string problem) => new(DisplayPath, lineNumber, problem);
}
