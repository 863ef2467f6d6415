namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// English yes/no words, in place of Recognizers.Text.Choice (not available here). Answers that contain
/// both a yes and a no ("not sure") are neither, so the prompt asks again rather than guessing.
/// </summary>
public static class ConfirmLexicon
{
    private static readonly string[] YesPhrases =
    [
        "yes", "yeah", "yep", "yup", "ya", "y", "sure", "correct", "right", "ok", "okay", "k", "affirmative",
        "that's right", "thats right", "that is right", "of course", "absolutely", "definitely", "indeed", "true",
    ];

    private static readonly string[] NoPhrases =
    [
        "no", "nope", "n", "nah", "negative", "not", "never", "wrong", "incorrect", "false", "don't", "dont",
        "no thanks", "not really",
    ];

    /// <summary>True for yes, false for no, null when the text says neither (or both).</summary>
    public static bool? Recognize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var normalized = " " + Choices.ChoiceTokenizer.Normalize(text) + " ";
        var yes = YesPhrases.Any(p => normalized.Contains(" " + p + " ", StringComparison.Ordinal));
        var no = NoPhrases.Any(p => normalized.Contains(" " + p + " ", StringComparison.Ordinal));
        return yes == no ? null : yes;
    }
}
