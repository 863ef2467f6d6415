namespace Mvai.Knowledge.Safety;

/// <summary>The outcome of <see cref="SafetyScreen.Screen"/>: a classification and, when unsafe, the exact reply.</summary>
/// <param name="Kind">What was found; <see cref="SafetyKind.None"/> lets the question through.</param>
/// <param name="Reply">The fixed reply to send instead of an answer; empty when <paramref name="Kind"/> is None.</param>
public sealed record SafetyVerdict(SafetyKind Kind, string Reply)
{
    /// <summary>The verdict for a question that may be answered normally.</summary>
    public static SafetyVerdict Safe { get; } = new(SafetyKind.None, string.Empty);

    /// <summary>Whether the question must get <see cref="Reply"/> instead of guidance.</summary>
    public bool IsUnsafe => Kind != SafetyKind.None;
}
