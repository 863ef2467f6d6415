namespace Mvai.Bot.Intake;

/// <summary>
/// Whole-utterance intents that interrupt a question. Matching is on the whole message (after trimming
/// punctuation and politeness), so an answer that merely contains "help" is still an answer.
/// </summary>
public static class IntakeUtterances
{
    private static readonly HashSet<string> Help = ["help", "?", "what do you mean", "i don't understand", "i dont understand", "why do you need this", "why", "huh"];

    private static readonly HashSet<string> Cancel =
        ["cancel", "stop", "quit", "start over", "restart", "never mind", "nevermind", "cancel request", "cancel my request", "cancel this", "forget it", "exit"];

    private static readonly HashSet<string> Yes =
        ["yes", "y", "yes cancel", "yes, cancel", "yep", "yeah", "sure", "ok", "okay", "cancel", "cancel it", "do it", "confirm"];

    private static readonly string[] HandoffPhrases =
    [
        "talk to a person", "talk to someone", "talk to somebody", "talk to a human", "talk to an advisor", "talk to a real",
        "speak to a person", "speak to someone", "speak with someone", "speak to an advisor", "speak with an advisor", "speak to a human",
        "real person", "live person", "a human", "get me a real", "need a person", "connect me", "human please",
    ];

    public static string Normalize(string? text) =>
        (text ?? string.Empty).Trim().TrimEnd('.', '!').Trim().ToLowerInvariant()
            .Replace("please", string.Empty, StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim(' ', ',');

    public static bool IsHelp(string normalized) => Help.Contains(normalized);

    public static bool IsCancel(string normalized) => Cancel.Contains(normalized);

    public static bool IsYes(string normalized) => Yes.Contains(normalized);

    /// <summary>Asks for a human ("talk to someone", "get me a real chief"); short messages only, so a long answer mentioning an advisor is not one.</summary>
    public static bool IsHandoff(string normalized) =>
        normalized.Length <= 60 && HandoffPhrases.Any(p => normalized.Contains(p, StringComparison.Ordinal));

    private static readonly string[] QuestionStarts =
        ["what", "what's", "whats", "how", "where", "who", "when", "why", "can", "could", "should", "do", "does", "is", "are", "which"];

    /// <summary>A question rather than an answer: ends with "?" and starts like a question ("what's a FAC?").</summary>
    public static bool IsQuestion(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant() ?? string.Empty;
        return trimmed.Length > 8 && trimmed.EndsWith('?')
            && QuestionStarts.Any(q => trimmed.StartsWith(q + " ", StringComparison.Ordinal));
    }
}
