using System.Globalization;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs.Prompts;

public sealed class NumberAndDatePromptTests
{
    private static PromptOptions Ask(string text) => new() { Prompt = Activity.CreateMessage(text) };

    [Theory]
    [InlineData("twenty five", "25")]
    [InlineData("25", "25")]
    [InlineData("I think about 40 of them", "40")]
    [InlineData("one thousand two hundred", "1200")]
    public async Task NumberPrompt_RecognisesDigitsAndWords(string answer, string expected)
    {
        var root = PromptHost.Create(new NumberPrompt<int>("n"), () => Ask("How many?"), r => $"Got {r}");

        await new DialogTestFlow(root).Send("hi").AssertReply("How many?").Send(answer).AssertReply($"Got {expected}").StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_ValueThatDoesNotFitTheType_IsAskedAgain()
    {
        var root = PromptHost.Create(new NumberPrompt<int>("n"), () => Ask("How many?"), r => $"Got {r}");

        await new DialogTestFlow(root)
            .Send("hi").AssertReply("How many?")
            .Send("2.5").AssertReply("How many?")
            .Send("3").AssertReply("Got 3")
            .StartTestAsync();
    }

    [Fact]
    public async Task NumberPrompt_Decimal()
    {
        var root = PromptHost.Create(new NumberPrompt<decimal>("n"), () => Ask("Hours?"), r => string.Create(CultureInfo.InvariantCulture, $"Got {r}"));

        await new DialogTestFlow(root).Send("hi").AssertReply("Hours?").Send("two and a half").AssertReply("Got 2.5").StartTestAsync();
    }

    private static string DescribeDates(object? result) =>
        string.Join("; ", ((IList<DateTimeResolution>)result!).Select(r => $"{r.Timex}={r.Value ?? r.Start}"));

    [Theory]
    [InlineData("last Friday", "2026-11-20=2026-11-20")]
    [InlineData("tomorrow", "2026-11-25=2026-11-25")]
    [InlineData("Friday", "XXXX-WXX-5=2026-11-20; XXXX-WXX-5=2026-11-27")]
    [InlineData("tonight", "2026-11-24TNI=2026-11-24 20:00:00")]
    public async Task DateTimePrompt_ResolvesAgainstTheUsersLocalTime(string answer, string expected)
    {
        // The flow's user clock is Tuesday 2026-11-24 10:00 at UTC-5.
        var root = PromptHost.Create(new DateTimePrompt("when"), () => Ask("When did it happen?"), DescribeDates);

        await new DialogTestFlow(root).Send("hi").AssertReply("When did it happen?").Send(answer).AssertReply(expected).StartTestAsync();
    }

    [Fact]
    public async Task DateTimePrompt_UsesLocalTimestampNotServerUtc()
    {
        // 23:30 on the 24th for the user is already the 25th in UTC: "today" must still be the 24th.
        var root = PromptHost.Create(new DateTimePrompt("when"), () => Ask("When?"), DescribeDates);

        await new DialogTestFlow(root) { LocalTimestamp = new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.FromHours(-5)) }
            .Send("hi").AssertReply("When?")
            .Send("today").AssertReply("2026-11-24=2026-11-24")
            .StartTestAsync();
    }

    [Fact]
    public async Task DefiniteDateValidator_AcceptsOneCalendarDay_AndAsksAgainForAmbiguousDays()
    {
        var prompt = new DateTimePrompt("when", DateTimeResolutions.DefiniteDateValidatorAsync);
        var options = () => new PromptOptions
        {
            Prompt = Activity.CreateMessage("On which date?"),
            RetryPrompt = Activity.CreateMessage("Please give a full date, like 'last Friday' or '20 November 2026'."),
        };

        await new DialogTestFlow(PromptHost.Create(prompt, options, DescribeDates))
            .Send("hi").AssertReply("On which date?")
            .Send("Friday").AssertReply("Please give a full date, like 'last Friday' or '20 November 2026'.")
            .Send("whenever").AssertReply("Please give a full date, like 'last Friday' or '20 November 2026'.")
            .Send("last Friday").AssertReply("2026-11-20=2026-11-20")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("2026-11-20", true)]
    [InlineData("XXXX-WXX-5", false)]
    [InlineData("XXXX-11-20", false)]
    [InlineData("", false)]
    public void IsDefiniteDate(string timex, bool expected) => Assert.Equal(expected, DateTimeResolutions.IsDefiniteDate(timex));
}
