namespace Mvai.Knowledge.Eval;

/// <summary>One line of <c>Sets/guidance-*.jsonl</c>: a question as people type it, the documents that answer it and the facts an answer must hold.</summary>
public sealed record GuidanceCase
{
    /// <summary>The question as typed.</summary>
    public required string Question { get; init; }

    /// <summary>False for an in-scope question the guidance does not cover: it should get the low-confidence answer.</summary>
    public bool Answerable { get; init; }

    /// <summary>Documents any of which is a correct hit.</summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    /// <summary>Fact groups: the answer passes when each group has one phrase (case-insensitive) in its visible text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Facts { get; init; } = [];
}
