using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Mvai.Bot.Tests.Infrastructure;
using static Mvai.Bot.Tests.Handoff.AlertTestSettings;

namespace Mvai.Bot.Tests.Handoff;

public sealed class AlertDeliveryTests
{
    [Fact]
    public async Task AnAlert_IsEmailedToTheAdvisorOnCallAtThatMoment_AndToTheCopies_OverRealSmtp()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var logs = new CapturedLogs();
        var clock = new ManualClock { Now = DateTimeOffset.Parse("2026-11-24T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture) };
        var settings = For(smtp.Port);
        settings["Logging:LogLevel:Default"] = "Information";
        settings["Handoff:Alerts:AlwaysCopy:0"] = "desk@mvai.example";
        settings["Handoff:Hours:OnCall:0:Name"] = "Chief Ada Park";
        settings["Handoff:Hours:OnCall:0:Email"] = "ada.park@mvai.example";
        settings["Handoff:Hours:OnCall:0:Starts"] = "2026-11-23T18:00";
        settings["Handoff:Hours:OnCall:0:Ends"] = "2026-11-24T08:00";
        await using var host = await BotTestHost.StartAsync(settings, configure: builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Logging.AddProvider(logs);
        });

        await EnqueueAsync(host, Alert("H-1001"));

        var mails = await smtp.WaitForAsync(2);
        Assert.Equal(["ada.park@mvai.example", "desk@mvai.example"], mails.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        var toAda = Assert.Single(mails, m => m.EnvelopeTo.Contains("ada.park@mvai.example"));
        Assert.Equal("ada.park@mvai.example", Assert.Single(toAda.Message.To.Mailboxes).Address);
        Assert.Equal("alerts@mvai.example", Assert.Single(toAda.Message.From.Mailboxes).Address);
        Assert.Equal("[MVAI priority 80] After-hours request: Springfield PD (H-1001)", toAda.Message.Subject);
        var body = toAda.Message.TextBody;
        Assert.Contains("Anyone in danger now: No", body, StringComparison.Ordinal);
        Assert.Contains("Callback: 555-0100 after 7 AM", body, StringComparison.Ordinal);
        Assert.Contains("Open the case in the advisor console: http://localhost:3978/advisor/cases/H-1001", body, StringComparison.Ordinal);

        await Eventually.TrueAsync(async () => (await DeliveriesAsync(host, "H-1001")).All(d => d.SentAt is not null), "both deliveries marked sent");
        // The outbox marks a delivery sent, then logs it: on a busy machine the line can follow the mark.
        await Eventually.TrueAsync(
            () => Task.FromResult(logs.Lines.Any(line => line.Contains("Alert for case H-1001 delivered by email on attempt 1", StringComparison.Ordinal))),
            "the delivery logged");
        Assert.DoesNotContain(logs.Lines, line => line.Contains("ada.park", StringComparison.Ordinal) || line.Contains("555-0100", StringComparison.Ordinal)
            || line.Contains("desk@", StringComparison.Ordinal) || line.Contains("Shooting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAlert_IsPostedToTheWebhook_AsATeamsWorkflowsAdaptiveCard()
    {
        var posts = new ConcurrentQueue<JsonNode>();
        await using var hook = await LoopbackServer.StartAsync(app => app.MapPost("/hooks/alerts", async (HttpRequest request) =>
        {
            posts.Enqueue((await JsonNode.ParseAsync(request.Body))!);
            return Results.Accepted();
        }));
        var settings = For(webhook: new Uri(hook.BaseAddress, "hooks/alerts"));
        settings["Handoff:Alerts:PollInterval"] = "00:10:00";
        await using var host = await BotTestHost.StartAsync(settings);

        await EnqueueAsync(host, Alert("H-0999"));
        await Eventually.TrueAsync(async () => (await DeliveriesAsync(host, "H-0999")).Single().SentAt is not null, "a first alert sent");
        posts.Clear();

        await EnqueueAsync(host, Alert("H-1002"));

        // The dispatcher now sleeps for the ten-minute poll interval: only the wake-up on enqueue delivers this soon.
        await Eventually.TrueAsync(() => Task.FromResult(!posts.IsEmpty), "a webhook post", TimeSpan.FromSeconds(10));
        JsonAssert.Equivalent(JsonNode.Parse("""
            {
              "type": "message",
              "attachments": [{
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": null,
                "content": {
                  "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                  "type": "AdaptiveCard",
                  "version": "1.5",
                  "body": [
                    { "type": "TextBlock", "text": "After-hours request: Springfield PD", "weight": "Bolder", "size": "Medium", "wrap": true },
                    { "type": "TextBlock", "text": "[MVAI priority 80] After-hours request: Springfield PD (H-1002)", "isSubtle": true, "wrap": true },
                    { "type": "FactSet", "facts": [
                      { "title": "Case", "value": "H-1002" },
                      { "title": "Priority", "value": "80" },
                      { "title": "Anyone in danger now", "value": "No" },
                      { "title": "What happened", "value": "Shooting at a school last night" },
                      { "title": "Callback", "value": "555-0100 after 7 AM" }
                    ] }
                  ],
                  "actions": [{ "type": "Action.OpenUrl", "title": "Open in the advisor console", "url": "http://localhost:3978/advisor/cases/H-1002" }]
                }
              }]
            }
            """), Assert.Single(posts));
    }

    [Fact]
    public async Task WithNoChannelConfigured_TheAlertIsStillRecorded_AndOneWarningSaysNobodyIsNotified()
    {
        var logs = new CapturedLogs();
        await using var host = await BotTestHost.StartAsync(For(), configure: builder => builder.Logging.AddProvider(logs));

        await EnqueueAsync(host, Alert("H-1003"));
        await EnqueueAsync(host, Alert("H-1004"));

        await using var database = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.DatabasePath}");
        await database.OpenAsync();
        await using var count = database.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM advisor_alerts WHERE case_id IN ('H-1003', 'H-1004')";
        Assert.Equal(2L, await count.ExecuteScalarAsync());
        Assert.Empty(await DeliveriesAsync(host, "H-1003"));
        Assert.Single(logs.Lines, line => line.Contains("No alert channel is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnInsecureWebhookUrl_StopsStartUp()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotTestHost.StartAsync(For(webhook: new Uri("http://alerts.example.org/hook"))));

        Assert.Contains("Handoff:Alerts:WebhookUrl must be an absolute https:// URL", failure.Message, StringComparison.Ordinal);
    }
}
