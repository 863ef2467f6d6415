namespace Mvai.Bot.Intake.Validation;

/// <summary>Names, titles and agency names as people type them: trimmed, a sensible length, some letters, not an email address.</summary>
public static class PersonalText
{
    /// <summary>A person's name or title or rank.</summary>
    public static string? Name(string? text) => Normalize(text, 80);

    /// <summary>An agency's name.</summary>
    public static string? Agency(string? text) => Normalize(text, 120);

    private static string? Normalize(string? text, int maxLength) =>
        text?.Trim() is { } t && t.Length >= 2 && t.Length <= maxLength && t.Count(char.IsLetter) >= 2 && !t.Contains('@', StringComparison.Ordinal)
            ? t
            : null;
}
