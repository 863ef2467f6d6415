using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Desk;

/// <summary>Who is woken, and when: a person in crisis at once even in advisor hours; a request by its urgency and the hour.</summary>
public sealed class UrgentAlertTests
{
    [Fact]
    public async Task AResponderInCrisis_DuringAdvisorHours_AlertsTheOnCallAdvisorAtOnce_NotAfterTheClaimTimeout()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var scenario = await HandoffScenario.StartAsync(HandoffScenario.TuesdayMorning, TestAdvisors.OnDuty(AlertTestSettings.For(smtp.Port)));
        var chat = scenario.NewChat();

        await chat.SayAsync("I can't do this anymore, I want to end it all");

        var handoff = await scenario.OpenCaseAsync(chat);
        Assert.Equal((HandoffCaseState.Waiting, HandoffScenario.TuesdayMorning), (handoff.State, handoff.AlertedAt));
        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(["duty@mvai.example"], mail.EnvelopeTo);
        Assert.Contains(handoff.Id, mail.Message.Subject, StringComparison.Ordinal);
        // The watcher will not alert a second time when the claim timeout passes.
        scenario.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(0, await scenario.Host.Services.GetRequiredService<UnclaimedHandoffWatcher>().CheckOnceAsync(default));
    }

    [Theory]
    [InlineData(Urgency.Today, null, true, true)]
    [InlineData(Urgency.ThisWeek, 3, true, false)]
    [InlineData(Urgency.ThisWeek, 3, false, true)]
    [InlineData(Urgency.ThisWeek, 0, false, false)]
    [InlineData(Urgency.PlanningAhead, -1, false, false)]
    public void ARequestWakesTheOnCallAdvisor_WhenNeededToday_OrWithCasualtiesAfterHours(Urgency urgency, int? killed, bool deskOpen, bool wakes) =>
        Assert.Equal(wakes, RequestAlerts.WakesOnCall(new AssistanceRequest { Urgency = urgency, Killed = killed }, deskOpen));
}
