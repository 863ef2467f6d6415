using System.Globalization;
using Microsoft.Recognizers.Text;

namespace Mvai.BotFramework.Dialogs.Prompts;

/// <summary>
/// The answers most people give to "when did it happen?", resolved without the Recognizers date model, which costs
/// about 200 ms and 40-75 MiB the first time it is used in a process and 100-200 µs a call after that. US English
/// only: today, yesterday, 2026-11-20, 11/20/2026; a weekday with "last", "this", "on" or alone (Friday, fri,
/// thurs...); last night, tonight, this morning/afternoon/evening, yesterday morning/afternoon/evening/night; 1 to 31
/// days ago, in digits or as a/one to ten. Each result is exactly what the model returns for the same text on every
/// day of fourteen months, leap day and year ends included (a test compares them), quirks and all: its weeks start
/// on Monday, so on a Sunday "last Friday" is nine days back. Anything else, however slightly different, goes to the
/// model.
/// </summary>
internal static class CommonDates
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["weds"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly string[] SmallNumbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>The readings of the one date in <paramref name="text"/>, as the model gives them, or null.</summary>
    public static IList<DateTimeResolution>? TryRecognize(string text, string culture, DateTime reference)
    {
        // Only the culture the equality test covers: en-gb's model, for one, reads 1/5/2026 as the 1st of May.
        if (!string.Equals(culture, Culture.English, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var answer = text.Trim().TrimEnd('.', '!').Trim();
        if (DateTime.TryParseExact(answer, ["yyyy-MM-dd", "M/d/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Day(date);
        }
        var today = reference.Date;
        return answer.ToLowerInvariant().Split(' ') switch
        {
            ["today"] => Day(today),
            ["yesterday"] => Day(today.AddDays(-1)),
            ["tonight"] => PartOfDay(today, "night"),
            ["last", "night"] => PartOfDay(today.AddDays(-1), "night"),
            ["this", ("morning" or "afternoon" or "evening") and var part] => PartOfDay(today, part),
            ["this", var weekday] => ThisWeeks(today, weekday, 0),
            ["yesterday", var part] => PartOfDay(today.AddDays(-1), part),
            ["last", var weekday] => ThisWeeks(today, weekday, -7),
            // The model leaves a lone "sat" or "sun" alone: they are everyday words.
            [var weekday] when weekday is not ("sat" or "sun") => EitherSide(today, weekday),
            ["on", var weekday] => EitherSide(today, weekday),
            [var count, var unit, "ago"] => DaysAgo(today, count, unit),
            _ => null,
        };
    }

    private static DateTimeResolution[] Day(DateTime day)
    {
        var timex = Iso(day);
        return [new DateTimeResolution(timex, timex)];
    }

    // The model's weeks run Monday to Sunday: "this Friday" is the Friday of the current week even when it is past,
    // "last Friday" the one a week before that.
    private static DateTimeResolution[]? ThisWeeks(DateTime today, string weekday, int offset) =>
        Weekdays.TryGetValue(weekday, out var day) ? Day(today.AddDays(MondayBased(day) - MondayBased(today.DayOfWeek) + offset)) : null;

    // A bare weekday could be either side of today; the model gives the past one first, and today counts as future.
    private static DateTimeResolution[]? EitherSide(DateTime today, string weekday)
    {
        if (!Weekdays.TryGetValue(weekday, out var day))
        {
            return null;
        }
        var future = today.AddDays(((int)day - (int)today.DayOfWeek + 7) % 7);
        var timex = string.Create(CultureInfo.InvariantCulture, $"XXXX-WXX-{MondayBased(day)}");
        return [new DateTimeResolution(timex, Iso(future.AddDays(-7))), new DateTimeResolution(timex, Iso(future))];
    }

    private static int MondayBased(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    // The model's fixed spans for parts of a day (TIMEX codes MO, AF, EV, NI).
    private static DateTimeResolution[]? PartOfDay(DateTime day, string part)
    {
        (string Code, string From, string To)? span = part switch
        {
            "morning" => ("MO", "08:00:00", "12:00:00"),
            "afternoon" => ("AF", "12:00:00", "16:00:00"),
            "evening" => ("EV", "16:00:00", "20:00:00"),
            "night" => ("NI", "20:00:00", "23:59:59"),
            _ => null,
        };
        if (span is not { } s)
        {
            return null;
        }
        var iso = Iso(day);
        return [new DateTimeResolution($"{iso}T{s.Code}", null, $"{iso} {s.From}", $"{iso} {s.To}")];
    }

    // A month back covers what an incident intake hears; "1 day"/"2 days" must agree in number, as people write them.
    private static DateTimeResolution[]? DaysAgo(DateTime today, string count, string unit)
    {
        var days = count is "a" ? 1 : Array.IndexOf(SmallNumbers, count) + 1;
        if (days == 0 && count.Length is 1 or 2 && count[0] != '0' && count.All(char.IsAsciiDigit))
        {
            days = int.Parse(count, CultureInfo.InvariantCulture);
        }
        return days is >= 1 and <= 31 && unit == (days == 1 ? "day" : "days") ? Day(today.AddDays(-days)) : null;
    }

    private static string Iso(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
