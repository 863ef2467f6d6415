using Microsoft.Extensions.Options;
using Mvai.Bot.Handoff.Hours;

namespace Mvai.Bot.Tests.Handoff;

public sealed class AdvisorScheduleTests
{
    private static readonly Dictionary<string, string> WeekdaysEightToSix = new()
    {
        ["Monday"] = "08:00-18:00",
        ["Tuesday"] = "08:00-18:00",
        ["Wednesday"] = "08:00-18:00",
        ["Thursday"] = "08:00-18:00",
        ["Friday"] = "08:00-18:00",
    };

    private static AdvisorSchedule CreateSut(Dictionary<string, string>? weekly = null, string[]? holidays = null, List<OnCallShiftOptions>? onCall = null) =>
        new(Options.Create(new AdvisorHoursOptions
        {
            TimeZone = "America/New_York",
            Weekly = new Dictionary<string, string>(weekly ?? WeekdaysEightToSix, StringComparer.OrdinalIgnoreCase),
            Holidays = [.. holidays ?? []],
            OnCall = onCall ?? [],
            DefaultOnCall = new OnCallContactOptions { Name = "Duty Desk", Email = "duty@mvai.example" },
        }));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-24T13:00:00Z", true)]   // Tuesday 8:00 AM EST: opening minute
    [InlineData("2026-11-24T12:59:59Z", false)]  // one second before
    [InlineData("2026-11-24T22:59:59Z", true)]   // 5:59:59 PM
    [InlineData("2026-11-24T23:00:00Z", false)]  // 6:00 PM: closing is exclusive
    [InlineData("2026-11-28T15:00:00Z", false)]  // Saturday
    [InlineData("2026-07-14T12:30:00Z", true)]   // Tuesday 8:30 AM EDT (UTC-4 in summer)
    public void IsOpen_FollowsWeeklyHoursOnTheAdvisorsClock(string instant, bool open) =>
        Assert.Equal(open, CreateSut().IsOpen(At(instant)));

    [Fact]
    public void NextOpening_OverTheSpringForwardWeekend_IsEightAmDaylightTime()
    {
        var schedule = CreateSut();

        // Saturday noon EST; the clocks go forward early Sunday, so Monday 8:00 AM is 12:00 UTC, not 13:00.
        var opens = schedule.NextOpening(At("2026-03-07T17:00:00Z"));

        Assert.Equal(At("2026-03-09T12:00:00Z"), opens);
        Assert.Equal("Monday at 8:00 AM Eastern", schedule.DescribeNextOpening(At("2026-03-07T17:00:00Z")));
    }

    [Fact]
    public void NextOpening_OverTheFallBackWeekend_IsEightAmStandardTime()
    {
        Assert.Equal(At("2026-11-02T13:00:00Z"), CreateSut().NextOpening(At("2026-10-31T16:00:00Z")));
    }

    [Fact]
    public void AnOpeningInsideTheSpringForwardGap_StartsWhenTheClockJumps()
    {
        var schedule = CreateSut(new() { ["Sunday"] = "02:30-05:00" });

        // 1:00 AM EST on 8 March 2026; 2:30 AM never happens that night, the desk opens at 3:00 AM EDT.
        Assert.Equal(At("2026-03-08T07:00:00Z"), schedule.NextOpening(At("2026-03-08T06:00:00Z")));
        Assert.True(schedule.IsOpen(At("2026-03-08T07:30:00Z")));
        Assert.False(schedule.IsOpen(At("2026-03-08T09:00:00Z")));
    }

    [Fact]
    public void Holidays_CloseTheWholeDay_AndTheNextOpeningSkipsThem()
    {
        var schedule = CreateSut(holidays: ["2026-11-26", "2026-11-27"]);
        var wednesdayEvening = At("2026-11-25T23:30:00Z");

        Assert.False(schedule.IsOpen(At("2026-11-26T15:00:00Z")));
        Assert.Equal(At("2026-11-30T13:00:00Z"), schedule.NextOpening(wednesdayEvening));
        Assert.Equal("Monday at 8:00 AM Eastern", schedule.DescribeNextOpening(wednesdayEvening));
    }

    [Fact]
    public void DescribeNextOpening_SaysNowWhenOpen_AndGivesTheDateWhenAWeekOrMoreAway()
    {
        var schedule = CreateSut(holidays: ["2026-12-24", "2026-12-25", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"]);

        Assert.Equal("now", schedule.DescribeNextOpening(At("2026-11-25T20:00:00Z")));
        Assert.Equal("Monday, January 4 at 8:00 AM Eastern", schedule.DescribeNextOpening(At("2026-12-23T23:30:00Z")));
    }

    [Fact]
    public void AnOvernightOpening_RunsPastMidnight_UnlessTheNextDayIsAHoliday()
    {
        var nights = new Dictionary<string, string> { ["Friday"] = "22:00-06:00" };
        var schedule = CreateSut(nights);
        var withHoliday = CreateSut(nights, holidays: ["2026-11-28"]);
        var saturdayThreeAm = At("2026-11-28T08:00:00Z");

        Assert.False(schedule.IsOpen(At("2026-11-28T02:59:00Z")));  // Friday 9:59 PM
        Assert.True(schedule.IsOpen(At("2026-11-28T03:00:00Z")));   // Friday 10:00 PM
        Assert.True(schedule.IsOpen(saturdayThreeAm));
        Assert.False(schedule.IsOpen(At("2026-11-28T11:00:00Z")));  // Saturday 6:00 AM
        Assert.False(withHoliday.IsOpen(saturdayThreeAm));
        Assert.Equal("Friday at 10:00 PM Eastern", schedule.DescribeNextOpening(At("2026-11-28T11:00:00Z")));
    }

    [Fact]
    public void OnCall_HandsOverAtTheShiftBoundary_AndFallsBackToTheDefaultInGaps()
    {
        var schedule = CreateSut(onCall:
        [
            new() { Name = "Chief Ada Park", Email = "ada@mvai.example", Phone = "555-0100", Starts = "2026-11-23T18:00", Ends = "2026-11-24T08:00" },
            new() { Name = "Chief Bo Lind", Email = "bo@mvai.example", Starts = "2026-11-24T08:00-05:00", Ends = "2026-11-24T18:00:00Z" },
            new() { Name = "Chief Cy Ortiz", Email = "cy@mvai.example", Starts = "2026-11-24T18:00", Ends = "2026-11-25T08:00" },
        ]);

        Assert.Equal(new OnCallAdvisor("Chief Ada Park", "ada@mvai.example", "555-0100"), schedule.OnCallAt(At("2026-11-24T12:59:59Z")));
        Assert.Equal("Chief Bo Lind", schedule.OnCallAt(At("2026-11-24T13:00:00Z"))?.Name);
        Assert.Equal("Chief Bo Lind", schedule.OnCallAt(At("2026-11-24T17:59:59Z"))?.Name);
        Assert.Equal("Duty Desk", schedule.OnCallAt(At("2026-11-24T18:00:00Z"))?.Name);
        Assert.Equal("Chief Cy Ortiz", schedule.OnCallAt(At("2026-11-24T23:00:00Z"))?.Name);
    }
}
