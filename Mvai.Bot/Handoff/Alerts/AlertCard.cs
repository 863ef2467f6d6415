using System.Globalization;
using System.Text.Json.Nodes;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// The webhook body: a message with one Adaptive Card 1.5 attachment, the shape Teams Workflows'
/// "when a Teams webhook request is received" trigger posts to a channel.
/// </summary>
internal static class AlertCard
{
    public static JsonObject Message(AdvisorAlert alert) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["contentUrl"] = null,
            ["content"] = Card(alert),
        }),
    };

    private static JsonObject Card(AdvisorAlert alert)
    {
        var facts = new JsonArray(
            Fact("Case", alert.CaseId),
            Fact("Priority", alert.Priority.ToString(CultureInfo.InvariantCulture)));
        foreach (var (label, value) in alert.Details)
        {
            facts.Add(Fact(label, value));
        }
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = alert.Title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = AlertEmail.Subject(alert), ["isSubtle"] = true, ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
        };
        if (alert.ConsoleLink is { } link)
        {
            card["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in the advisor console", ["url"] = link.AbsoluteUri });
        }
        return card;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
