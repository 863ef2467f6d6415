using Microsoft.AspNetCore.Http;
using Mvai.Bot.Tests.Infrastructure;
using static Mvai.Bot.Tests.Handoff.AlertTestSettings;

namespace Mvai.Bot.Tests.Handoff;

public sealed class AlertOutboxRetryTests
{
    [Fact]
    public async Task WhileTheSmtpServerIsDown_TheAlertWaits_AndArrivesOnceItIsBack()
    {
        var port = SmtpSink.FreePort();
        await using var host = await BotTestHost.StartAsync(For(port));

        await EnqueueAsync(host, Alert("H-2001"));

        await Eventually.TrueAsync(async () => (await DeliveriesAsync(host, "H-2001")).Single().Attempts >= 2, "two failed attempts");
        var waiting = Assert.Single(await DeliveriesAsync(host, "H-2001"));
        Assert.Null(waiting.SentAt);
        Assert.Equal("Socket ConnectionRefused", waiting.LastError);

        await using var smtp = await SmtpSink.StartAsync(port);

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(["duty@mvai.example"], mail.EnvelopeTo);
        Assert.Contains("H-2001", mail.Message.Subject, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(host, "H-2001")).Single().SentAt is not null, "the delivery marked sent");
    }

    [Fact]
    public async Task AWebhookThatFailsWith500_IsRetriedWithBackoff_AndDeliveredExactlyOnce()
    {
        // Three 500s use up the first attempt (one call plus two quick retries); the second attempt succeeds.
        var calls = 0;
        await using var hook = await LoopbackServer.StartAsync(app => app.MapPost("/hook", () =>
            Interlocked.Increment(ref calls) <= 3 ? Results.StatusCode(500) : Results.Accepted()));
        await using var host = await BotTestHost.StartAsync(For(webhook: new Uri(hook.BaseAddress, "hook")));

        await EnqueueAsync(host, Alert("H-2002"));

        await Eventually.TrueAsync(async () => (await DeliveriesAsync(host, "H-2002")).Single().SentAt is not null, "the webhook delivery marked sent");
        var delivered = Assert.Single(await DeliveriesAsync(host, "H-2002"));
        Assert.Equal(2, delivered.Attempts);
        Assert.Null(delivered.LastError);
        // Several more polls: a sent row is never posted again.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(4, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task AnEnqueuedAlert_SurvivesARestartBeforeDispatch_AndIsDeliveredByTheNextInstance()
    {
        await using var smtp = await SmtpSink.StartAsync();
        string databasePath;
        await using (var first = await BotTestHost.StartAsync(For(smtp.Port, dispatcher: false)))
        {
            databasePath = first.DatabasePath;
            await EnqueueAsync(first, Alert("H-2003"));
            var pending = Assert.Single(await DeliveriesAsync(first, "H-2003"));
            Assert.Equal((0, null), (pending.Attempts, pending.SentAt));
        }
        Assert.Empty(smtp.Received());

        await using var second = await BotTestHost.StartAsync(For(smtp.Port), databasePath);

        var mail = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal("[MVAI priority 80] After-hours request: Springfield PD (H-2003)", mail.Message.Subject);
    }

    [Fact]
    public async Task AnSmtpServerRequiringAuthentication_GetsTheConfiguredCredentials_AndAWrongPasswordKeepsTheAlertWaiting()
    {
        await using var smtp = await SmtpSink.StartAsync(credentials: ("mvai-alerts", "correct horse"));
        var wrong = For(smtp.Port);
        wrong["Handoff:Alerts:Smtp:UserName"] = "mvai-alerts";
        wrong["Handoff:Alerts:Smtp:Password"] = "battery staple";
        string databasePath;
        await using (var misconfigured = await BotTestHost.StartAsync(wrong))
        {
            databasePath = misconfigured.DatabasePath;
            await EnqueueAsync(misconfigured, Alert("H-2004"));
            await Eventually.TrueAsync(async () => (await DeliveriesAsync(misconfigured, "H-2004")).Single().LastError is not null, "a failed attempt");
            Assert.Equal("SMTP authentication failed", (await DeliveriesAsync(misconfigured, "H-2004")).Single().LastError);
        }
        Assert.Empty(smtp.Received());

        var fixedSettings = For(smtp.Port);
        fixedSettings["Handoff:Alerts:Smtp:UserName"] = "mvai-alerts";
        fixedSettings["Handoff:Alerts:Smtp:Password"] = "correct horse";
        await using var host = await BotTestHost.StartAsync(fixedSettings, databasePath);

        Assert.Contains("H-2004", Assert.Single(await smtp.WaitForAsync(1)).Message.Subject, StringComparison.Ordinal);
    }
}
