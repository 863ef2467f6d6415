using Mvai.Bot.BotFramework.Dialogs.Prompts;

namespace Mvai.Bot.Tests.Dialogs;

/// <summary>The shortcut for everyday date answers must say exactly what the Recognizers date model says.</summary>
public sealed class CommonDatesTests
{
    public static TheoryData<string, DateTime> Answers => new()
    {
        { "yesterday", new DateTime(2026, 11, 24, 23, 30, 0) },
        { "Yesterday.", new DateTime(2026, 3, 1, 0, 5, 0) },
        { "today", new DateTime(2026, 11, 24, 9, 0, 0) },
        { " TODAY ", new DateTime(2024, 2, 29, 12, 0, 0) },
        { "2026-11-20", new DateTime(2026, 11, 24, 9, 0, 0) },
        { "11/20/2026", new DateTime(2026, 11, 24, 9, 0, 0) },
        { "2/29/2024", new DateTime(2026, 11, 24, 9, 0, 0) },
        { "1/5/2026", new DateTime(2026, 11, 24, 9, 0, 0) },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void TheShortcut_AgreesWithTheModel(string answer, DateTime reference)
    {
        var shortcut = CommonDates.TryRecognize(answer, "en-us", reference);
        var model = DateTimeResolutions.RecognizeWithModel(answer, "en-us", reference).ToList();

        Assert.NotNull(shortcut);
        var readings = Assert.Single(model);
        Assert.Equal(shortcut, Assert.Single(readings));
    }

    [Theory]
    [InlineData("last Friday")]
    [InlineData("yesterday afternoon")]
    [InlineData("11/20")]
    [InlineData("13/45/2026")]
    [InlineData("2026-02-30")]
    [InlineData("we need help")]
    public void AnythingElse_IsLeftToTheModel(string answer)
    {
        Assert.Null(CommonDates.TryRecognize(answer, "en-us", new DateTime(2026, 11, 24, 9, 0, 0)));
    }

    [Fact]
    public void OtherLanguages_AreLeftToTheModel()
    {
        Assert.Null(CommonDates.TryRecognize("today", "fr-fr", new DateTime(2026, 11, 24, 9, 0, 0)));
    }
}
