namespace Mvai.Knowledge.Eval;

/// <summary>One evaluation question, written the way chiefs and PIOs type.</summary>
public sealed record EvalCase
{
    /// <summary>The question as typed.</summary>
    public required string Question { get; init; }

    /// <summary>Documents any of which is a correct hit; empty for safety and low-confidence cases.</summary>
    public IReadOnlyList<string> ExpectedDocuments { get; init; } = [];

    /// <summary>Words (case-insensitive) the answer should contain.</summary>
    public IReadOnlyList<string> ExpectedFacts { get; init; } = [];

    /// <summary>A <see cref="Safety.SafetyKind"/> name or "LowConfidence"; null for an ordinary question.</summary>
    public string? ExpectedOutcome { get; init; }
}
