namespace Mvai.Bot;

/// <summary>
/// Every area's range of log event ids, app and Bot Framework layer alike, so an id names one message wherever logs are
/// read. A new <c>*Log</c> class takes the next free range here; LogEventIdTests fails for an id outside its class's range,
/// a class missing here, or two messages sharing an id. The layer's own classes (1000-1299) cannot see this file: it
/// keeps their ranges as the app's record.
/// </summary>
internal static class LogEventIds
{
    /// <summary>The log classes by full name, each with its first and last id.</summary>
    public static IReadOnlyDictionary<string, (int First, int Last)> Ranges { get; } = new Dictionary<string, (int, int)>
    {
        ["Mvai.Bot.AppLog"] = (1, 99),
        ["Mvai.BotFramework.Hosting.HostingLog"] = (1000, 1099),
        ["Mvai.BotFramework.Authentication.AuthenticationLog"] = (1100, 1199),
        ["Mvai.BotFramework.DirectLine.DirectLineLog"] = (1200, 1299),
        ["Mvai.Bot.WebChat.WebChatLog"] = (1300, 1399),
        ["Mvai.Bot.Teams.TeamsLog"] = (1400, 1499),
        ["Mvai.Bot.Answering.AnswerLog"] = (1500, 1599),
        ["Mvai.Bot.Operations.Background.BackgroundWorkLog"] = (1600, 1699),
        ["Mvai.Bot.Handoff.Alerts.AlertsLog"] = (2400, 2499),
        ["Mvai.Bot.Handoff.HandoffLog"] = (3000, 3099),
        ["Mvai.Bot.Handoff.Console.AdvisorConsoleLog"] = (3100, 3199),
        ["Mvai.Bot.Privacy.PrivacyLog"] = (3200, 3299),
        ["Mvai.Bot.Intake.Prefill.IntakePrefillLog"] = (3300, 3399),
        ["Mvai.Bot.Intake.IntakeLog"] = (3400, 3499),
        ["Mvai.Bot.Desk.DeskLog"] = (3700, 3799),
    };
}
