using Mvai.Bot.Handoff.Hours;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

public sealed class AdvisorHoursValidationTests
{
    [Theory]
    [InlineData("Handoff:Hours:TimeZone", "America/NewYork", "Handoff:Hours:TimeZone 'America/NewYork' is not a known IANA time zone id")]
    [InlineData("Handoff:Hours:Weekly:Monday", "08:00-25:00", "Handoff:Hours:Weekly:Monday '08:00-25:00' is not a span like 08:00-18:00")]
    [InlineData("Handoff:Hours:Weekly:Mon", "08:00-18:00", "Handoff:Hours:Weekly:Mon is not a day")]
    [InlineData("Handoff:Hours:Holidays:0", "12/25/2026", "Handoff:Hours:Holidays '12/25/2026' is not a date like 2026-12-25")]
    [InlineData("Handoff:Hours:ClaimTimeout", "00:00:00", "Handoff:Hours:ClaimTimeout must be positive")]
    [InlineData("Handoff:Hours:DefaultOnCall:Email", "not-an-address", "Handoff:Hours:DefaultOnCall:Email is not an e-mail address")]
    public async Task ABadSetting_StopsStartUp_NamingTheKey(string key, string value, string expected)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotTestHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-address", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlappingShifts_AreRejected()
    {
        var options = new AdvisorHoursOptions
        {
            TimeZone = "America/New_York",
            Weekly = new() { ["Monday"] = "08:00-18:00" },
            OnCall =
            [
                new() { Name = "A", Email = "a@mvai.example", Starts = "2026-11-23T18:00", Ends = "2026-11-24T08:00" },
                new() { Name = "B", Email = "b@mvai.example", Starts = "2026-11-24T07:00", Ends = "2026-11-24T18:00" },
            ],
        };

        var valid = AdvisorHoursPlan.TryParse(options, out _, out var errors);

        Assert.False(valid);
        Assert.Equal(["Handoff:Hours:OnCall:1 overlaps Handoff:Hours:OnCall:0; shifts must not overlap (an end equal to the next start is a clean handover)."], errors);
    }

    [Fact]
    public void NoOpeningHoursAtAll_MeansEveryHandoffIsAfterHours()
    {
        var options = new AdvisorHoursOptions { TimeZone = "America/Chicago" };
        var valid = AdvisorHoursPlan.TryParse(options, out var plan, out var errors);

        Assert.True(valid, string.Join("; ", errors));
        var tuesdayAfternoon = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
        Assert.False(plan!.Hours.IsOpen(tuesdayAfternoon));
        // No office hours to promise the user.
        Assert.Null(new AdvisorSchedule(Microsoft.Extensions.Options.Options.Create(options)).DescribeNextOpening(tuesdayAfternoon));
    }

    [Fact]
    public async Task TheShippedSettings_StartTheApp_WithWeekdayHoursInEasternTime()
    {
        // The shipped appsettings.json itself (test hosts close the desk so no test depends on the hour it runs at).
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryPaths.BotProject, "appsettings.json")).Build();
        var options = shipped.GetSection(AdvisorHoursOptions.SectionName).Get<AdvisorHoursOptions>()!;
        var schedule = new AdvisorSchedule(Microsoft.Extensions.Options.Options.Create(options));
        await Task.CompletedTask;

        Assert.Equal("America/New_York", schedule.TimeZone.Id);
        Assert.True(schedule.IsOpen(DateTimeOffset.Parse("2026-11-24T15:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(TimeSpan.FromMinutes(10), schedule.ClaimTimeout);
    }
}
