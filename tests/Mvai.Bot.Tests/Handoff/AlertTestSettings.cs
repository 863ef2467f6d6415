using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>Alert settings with test-sized intervals, and the alert the tests send.</summary>
internal static class AlertTestSettings
{
    public static Dictionary<string, string?> For(int? smtpPort = null, Uri? webhook = null, bool dispatcher = true) => new()
    {
        ["Handoff:Alerts:Smtp:Host"] = smtpPort is null ? string.Empty : "127.0.0.1",
        ["Handoff:Alerts:Smtp:Port"] = (smtpPort ?? 25).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Handoff:Alerts:Smtp:Security"] = "None",
        ["Handoff:Alerts:Smtp:From"] = "MVAI Assistant <alerts@mvai.example>",
        ["Handoff:Alerts:WebhookUrl"] = webhook?.AbsoluteUri ?? string.Empty,
        ["Handoff:Alerts:DispatcherEnabled"] = dispatcher ? "true" : "false",
        ["Handoff:Alerts:PollInterval"] = "00:00:00.100",
        ["Handoff:Alerts:RetryBaseDelay"] = "00:00:00.200",
        ["Handoff:Alerts:RetryMaxDelay"] = "00:00:00.400",
        ["Handoff:Alerts:InProcessRetryDelay"] = "00:00:00.010",
        ["Handoff:Alerts:SendTimeout"] = "00:00:05",
        ["Handoff:Hours:DefaultOnCall:Name"] = "Duty Desk",
        ["Handoff:Hours:DefaultOnCall:Email"] = "duty@mvai.example",
    };

    public static AdvisorAlert Alert(string caseId) => new(
        caseId,
        "After-hours request: Springfield PD",
        80,
        [new("Anyone in danger now", "No"), new("What happened", "Shooting at a school last night"), new("Callback", "555-0100 after 7 AM")],
        new Uri($"http://localhost:3978/advisor/cases/{caseId}"));

    public static Task<IReadOnlyList<AlertDeliveryStatus>> DeliveriesAsync(BotTestHost host, string caseId) =>
        host.Services.GetRequiredService<IAlertOutboxStore>().ListForCaseAsync(caseId, default);

    public static Task EnqueueAsync(BotTestHost host, AdvisorAlert alert) =>
        host.Services.GetRequiredService<IAdvisorAlerts>().EnqueueAsync(alert, default);
}
