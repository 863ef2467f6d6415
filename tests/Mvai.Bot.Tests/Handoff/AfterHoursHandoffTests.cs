using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>
/// Outside advisor hours (a fixed clock: Saturday 2 a.m. in New York) and when nobody claims in time: a short triage,
/// an honest expectation, and an e-mail to the on-call advisor through a real SMTP server on loopback.
/// </summary>
public sealed class AfterHoursHandoffTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpSink.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task AtNight_TheTriageAsksFourThings_ThenTheOnCallAdvisorIsEmailed_WithTheAnswers()
    {
        await using var scenario = await HandoffScenario.StartAsync(HandoffScenario.SaturdayNight, Settings());
        var chat = scenario.NewChat();

        var intro = await chat.ExpectAsync("I need to talk to someone", TriageDialog.AskDanger);
        Assert.Contains("they're back Monday at 8:00 AM Eastern", intro[0].Text, StringComparison.Ordinal);
        await chat.ExpectAsync("no", TriageDialog.AskWhatHappened);
        await chat.ExpectAsync("Shooting at the mall last night, we need help with the media", TriageDialog.AskUrgency);
        await chat.ExpectAsync("Today", TriageDialog.AskPhone);
        await chat.ExpectAsync("call the front desk", TriageDialog.RetryPhone);
        await chat.ExpectAsync("555-234-0100", TriageDialog.AskTime);
        var done = await chat.ExpectAsync("after 7 am", "Thank you. I've alerted the on-call advisor, who aims to call you back within 60 minutes at (555) 234-0100.");
        Assert.NotEmpty(done[^1].SuggestedActions!.Actions);

        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Equal(["duty@mvai.example"], mail.EnvelopeTo);
        Assert.Contains("MVAI handoff: Asked to talk to a person (priority 70)", mail.Message.Subject, StringComparison.Ordinal);
        var body = mail.Message.TextBody;
        Assert.Contains("What happened: Shooting at the mall last night, we need help with the media", body, StringComparison.Ordinal);
        Assert.Contains("Call back on: (555) 234-0100", body, StringComparison.Ordinal);
        Assert.Contains("Best time to call: after 7 am", body, StringComparison.Ordinal);
        Assert.Contains("https://mvai.example/advisor#case=", body, StringComparison.Ordinal);

        var handoff = await scenario.OpenCaseAsync(chat);
        Assert.Equal(70, handoff.BasePriority);
        Assert.NotNull(handoff.AlertedAt);
    }

    [Fact]
    public async Task SomeoneInDanger_DuringTheTriage_IsToldToCall911_AndTheCaseGoesToTheTop()
    {
        await using var scenario = await HandoffScenario.StartAsync(HandoffScenario.SaturdayNight, Settings());
        var chat = scenario.NewChat();
        await chat.ExpectAsync("talk to an advisor", TriageDialog.AskDanger);

        var replies = await chat.ExpectAsync("yes", TriageDialog.AskWhatHappened);

        Assert.Equal(SafetyReplies.ActiveThreat, replies[0].Text);
        await chat.ExpectAsync("a man is threatening staff", TriageDialog.AskPhone);
        await chat.ExpectAsync("chat", "Thank you. I've alerted the on-call advisor, who aims to call you back within 60 minutes.");
        Assert.Equal(HandoffPriority.Danger, (await scenario.OpenCaseAsync(chat)).BasePriority);
    }

    [Fact]
    public async Task APersonInCrisisAtNight_IsNotQuestioned_TheOnCallAdvisorIsEmailedAtOnce()
    {
        await using var scenario = await HandoffScenario.StartAsync(HandoffScenario.SaturdayNight, Settings());
        var chat = scenario.NewChat();

        var replies = await chat.SayAsync("honestly I'm thinking about ending my life");

        Assert.Equal(SafetyReplies.Distress, replies[0].Text);
        Assert.Equal(HandoffMessages.AfterHoursUrgent("Monday at 8:00 AM Eastern", TimeSpan.FromHours(1)), replies[^1].Text);
        var mail = Assert.Single(await _smtp.WaitForAsync(1));
        Assert.Contains("Person in crisis (given 988)", mail.Message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("ending my life", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NobodyClaimingInTime_AlertsTheOnCallAdvisorOnce_AndAsksTheUserForCallBackDetails()
    {
        await using var scenario = await HandoffScenario.StartAsync(HandoffScenario.TuesdayMorning, Settings());
        var watcher = scenario.Host.Services.GetRequiredService<UnclaimedHandoffWatcher>();
        var chat = scenario.NewChat();
        await chat.ExpectAsync("talk to an advisor", "I'm connecting you with an MVAI advisor.");

        scenario.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await watcher.CheckOnceAsync(default));
        scenario.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await watcher.CheckOnceAsync(default));
        Assert.Equal(0, await watcher.CheckOnceAsync(default));

        Assert.Equal([HandoffMessages.NobodyClaimed, TriageDialog.AskDanger], await scenario.Channel.WaitForTextsAsync(2));
        Assert.Contains("Asked to talk to a person", Assert.Single(await _smtp.WaitForAsync(1)).Message.Subject, StringComparison.Ordinal);
        // The user answers the triage in their own time; the call-back details follow as a second alert.
        await chat.ExpectAsync("no", TriageDialog.AskWhatHappened);
        await chat.ExpectAsync("we need help with a press conference", TriageDialog.AskUrgency);
        await chat.ExpectAsync("this week", TriageDialog.AskPhone);
        await chat.ExpectAsync("555-234-0100", TriageDialog.AskTime);
        await chat.ExpectAsync("mornings", "Thank you.");
        var mails = await _smtp.WaitForAsync(2);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => (m.Message.TextBody ?? string.Empty).Contains("Call back on: (555) 234-0100", StringComparison.Ordinal));
    }

    private Dictionary<string, string?> Settings() => HandoffScenario.WeekdayHours(new Dictionary<string, string?>
    {
        ["Handoff:PublicBaseUrl"] = "https://mvai.example/",
        ["Handoff:Alerts:Smtp:Host"] = "127.0.0.1",
        ["Handoff:Alerts:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Handoff:Alerts:Smtp:Security"] = "None",
        ["Handoff:Alerts:Smtp:From"] = "MVAI Assistant <alerts@mvai.example>",
        ["Handoff:Alerts:PollInterval"] = "00:00:00.100",
    });
}
