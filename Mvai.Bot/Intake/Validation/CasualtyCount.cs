using System.Globalization;
using Microsoft.Recognizers.Text;
using Mvai.BotFramework.Dialogs.Prompts;

namespace Mvai.Bot.Intake.Validation;

/// <summary>A rough count of people killed or injured: a number ("three", "about 12"), or unknown (-1).</summary>
public static class CasualtyCount
{
    public const int Unknown = -1;

    private static readonly string[] UnknownWords =
        ["unknown", "not sure", "don't know", "dont know", "do not know", "unsure", "no idea", "not known", "unclear", "skip", "n/a", "na", "tbd", "?"];

    public static int? Parse(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (UnknownWords.Any(w => trimmed == w || trimmed.StartsWith(w + " ", StringComparison.Ordinal) || trimmed.Contains(w, StringComparison.Ordinal) && w.Length > 3))
        {
            return Unknown;
        }
        if (trimmed is "none" or "nobody" or "no one" or "zero" or "no")
        {
            return 0;
        }
        var value = NumberModels.RecognizeNumber(trimmed, Culture.English)
            .Select(r => r.Resolution?.GetValueOrDefault("value") as string)
            .FirstOrDefault(v => v is not null);
        return value is not null
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number >= 0 && number <= 100_000 && number == Math.Floor(number)
            ? (int)number
            : null;
    }
}
