namespace Mvai.Knowledge.Corpus;

/// <summary>
/// A guidance file does not follow the corpus format. The message starts with
/// <c>path:line:</c> so an editor can jump straight to the problem.
/// </summary>
public sealed class CorpusFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a 1-based line of a file.</summary>
    /// <param name="displayPath">Path of the file as shown in the message.</param>
    /// <param name="lineNumber">1-based line of the problem.</param>
    /// <param name="problem">What is wrong, in a short sentence.</param>
    public CorpusFormatException(string displayPath, int lineNumber, string problem)
        : base($"{displayPath}:{lineNumber}: {problem}")
    {
        FilePath = displayPath;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>Creates the exception with a bare message (kept for serializers and tooling).</summary>
    public CorpusFormatException()
        : this("(unknown)", 0, "invalid guidance file")
    {
    }

    /// <summary>Creates the exception with a bare message (kept for serializers and tooling).</summary>
    /// <param name="message">The message.</param>
    public CorpusFormatException(string message)
        : base(message)
    {
        FilePath = "(unknown)";
        Problem = message;
    }

    /// <summary>Creates the exception with a bare message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "(unknown)";
        Problem = message;
    }

    /// <summary>Path of the offending file as shown in the message.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the problem, or 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The problem without the path and line prefix.</summary>
    public string Problem { get; }
}
