using System.Text;

namespace Mvai.Bot.Intake.Validation;

/// <summary>North American phone numbers, normalised to <c>(555) 555-0100</c>, with an optional extension.</summary>
public static class PhoneNumbers
{
    /// <summary>The normalised number, or null when the text is not a valid 10-digit NANP number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var (main, extension) = SplitExtension(text);
        if (main.Any(char.IsLetter))
        {
            return null;
        }
        var digits = new StringBuilder();
        foreach (var c in main.Where(char.IsAsciiDigit))
        {
            digits.Append(c);
        }
        var number = digits.ToString();
        if (number.Length == 11 && number[0] == '1')
        {
            number = number[1..];
        }
        // NANP: area code and exchange never start with 0 or 1.
        if (number.Length != 10 || number[0] is '0' or '1' || number[3] is '0' or '1')
        {
            return null;
        }
        var formatted = $"({number[..3]}) {number[3..6]}-{number[6..]}";
        return extension is null ? formatted : $"{formatted} ext. {extension}";
    }

    private static (string Main, string? Extension) SplitExtension(string text)
    {
        var lower = text.ToLowerInvariant();
        foreach (var marker in new[] { "extension", "ext.", "ext", " x" })
        {
            var at = lower.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                var extension = new string(lower[(at + marker.Length)..].Where(char.IsAsciiDigit).ToArray());
                if (extension.Length is > 0 and <= 6)
                {
                    return (text[..at], extension);
                }
            }
        }
        return (text, null);
    }
}
