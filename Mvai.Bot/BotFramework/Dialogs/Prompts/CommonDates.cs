using System.Globalization;

namespace Mvai.Bot.BotFramework.Dialogs.Prompts;

/// <summary>
/// The answers most people give to "when did it happen?" (today, yesterday, 2026-11-20, 11/20/2026), resolved without
/// the Recognizers date model, which costs about 200 ms and 40-75 MiB the first time it is used in a process and
/// 100-200 µs a call after that. Each result is exactly what the model returns for the same text (a test compares
/// them); anything else, however slightly different, goes to the model.
/// </summary>
internal static class CommonDates
{
    public static DateTimeResolution? TryRecognize(string text, string culture, DateTime reference)
    {
        if (!culture.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var answer = text.Trim().TrimEnd('.', '!').Trim();
        DateTime? day = answer.ToUpperInvariant() switch
        {
            "TODAY" => reference.Date,
            "YESTERDAY" => reference.Date.AddDays(-1),
            _ when DateTime.TryParseExact(answer, ["yyyy-MM-dd", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
            _ => null,
        };
        if (day is not { } value)
        {
            return null;
        }
        var timex = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new DateTimeResolution(timex, timex);
    }
}
