using System.Globalization;
using Microsoft.Recognizers.Text;
using Mvai.BotFramework.Dialogs.Prompts;

namespace Mvai.Bot.Intake.Validation;

/// <summary>The date of an incident: one definite day, not in the user's future.</summary>
public static class IncidentDates
{
    /// <summary>The first definite, non-future day among the readings of an answer, or null.</summary>
    public static DateOnly? Pick(IEnumerable<DateTimeResolution>? resolutions, DateOnly userToday)
    {
        foreach (var resolution in resolutions ?? [])
        {
            // A definite timex starts with the full date ("2026-11-20", "2026-11-23TNI" for "last night").
            if (DateTimeResolutions.IsDefiniteDate(resolution.Timex)
                && resolution.Timex.Length >= 10
                && DateOnly.TryParseExact(resolution.Timex[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && day <= userToday)
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>Finds an incident date in free text ("we had a shooting last night"), resolved on the user's clock.</summary>
    public static DateOnly? Find(string? text, DateTime userNow)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        foreach (var readings in DateTimeResolutions.Recognize(text, Culture.English, userNow))
        {
            if (Pick(readings, DateOnly.FromDateTime(userNow)) is { } day)
            {
                return day;
            }
        }
        return null;
    }
}
