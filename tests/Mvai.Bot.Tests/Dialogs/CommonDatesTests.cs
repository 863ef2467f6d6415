using Mvai.BotFramework.Dialogs.Prompts;

namespace Mvai.Bot.Tests.Dialogs;

/// <summary>The shortcut for everyday date answers must say exactly what the Recognizers date model says.</summary>
public sealed class CommonDatesTests
{
    private static readonly string[] WeekdaySpellings =
    [
        "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "weds", "thursday", "thu", "thur", "thurs",
        "friday", "fri", "saturday", "sat", "sunday", "sun",
    ];

    private static readonly string[] CountWords = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    public static TheoryData<string> Answers()
    {
        var answers = new TheoryData<string>
        {
            "today", " TODAY ", "yesterday", "Yesterday.", "2026-11-20", "11/20/2026", "2/29/2024", "1/5/2026",
            "tonight", "last night", "Last night!", "this morning", "this afternoon", "this evening",
            "yesterday morning", "yesterday afternoon", "yesterday evening", "yesterday night",
            "a day ago", "one day ago", "1 day ago", "Two days ago.", "Last Friday.", " ON FRIDAY! ",
        };
        foreach (var weekday in WeekdaySpellings)
        {
            answers.Add($"last {weekday}");
            answers.Add($"this {weekday}");
            answers.Add($"on {weekday}");
            if (weekday is not ("sat" or "sun"))
            {
                answers.Add(weekday);
            }
        }
        foreach (var count in Enumerable.Range(2, 30))
        {
            answers.Add($"{count} days ago");
        }
        foreach (var count in CountWords)
        {
            answers.Add($"{count} days ago");
        }
        return answers;
    }

    // Every day from December 2023 to January 2025: each weekday, every month and both year boundaries, and a leap
    // day; the time of day moves by 37 minutes a day so every hour is seen.
    private static IEnumerable<DateTime> ReferenceDays() =>
        Enumerable.Range(0, 428).Select(i => new DateTime(2023, 12, 1).AddDays(i).AddMinutes(i * 37 % 1440));

    [Theory]
    [MemberData(nameof(Answers))]
    public void TheShortcut_AgreesWithTheModel_OnEveryDay(string answer)
    {
        var disagreements = new List<string>();
        foreach (var reference in ReferenceDays())
        {
            var shortcut = CommonDates.TryRecognize(answer, "en-us", reference);
            var model = DateTimeResolutions.RecognizeWithModel(answer, "en-us", reference).ToList();
            if (shortcut is null || model.Count != 1 || !shortcut.SequenceEqual(model[0]))
            {
                disagreements.Add($"{reference:yyyy-MM-dd ddd HH:mm}: shortcut [{Show(shortcut)}], model [{string.Join(" / ", model.Select(Show))}]");
            }
        }

        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("last Friday night")]
    [InlineData("next Friday")]
    [InlineData("last  Friday")]
    [InlineData("Fridays")]
    [InlineData("sat")]
    [InlineData("sun")]
    [InlineData("this night")]
    [InlineData("last week")]
    [InlineData("0 days ago")]
    [InlineData("02 days ago")]
    [InlineData("32 days ago")]
    [InlineData("eleven days ago")]
    [InlineData("2 day ago")]
    [InlineData("1 days ago")]
    [InlineData("a couple of days ago")]
    [InlineData("11/20")]
    [InlineData("13/45/2026")]
    [InlineData("2026-02-30")]
    [InlineData("we need help")]
    public void AnythingElse_IsLeftToTheModel(string answer)
    {
        Assert.Null(CommonDates.TryRecognize(answer, "en-us", new DateTime(2026, 11, 24, 9, 0, 0)));
    }

    [Fact]
    public void OtherCultures_AreLeftToTheModel()
    {
        Assert.Null(CommonDates.TryRecognize("today", "fr-fr", new DateTime(2026, 11, 24, 9, 0, 0)));
        Assert.Null(CommonDates.TryRecognize("1/5/2026", "en-gb", new DateTime(2026, 11, 24, 9, 0, 0)));
    }

    private static string Show(IEnumerable<DateTimeResolution>? readings) => readings is null ? "none" : string.Join(", ", readings);
}
