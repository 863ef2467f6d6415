using System.Text;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake.Requests;

namespace Mvai.Bot.Intake;

/// <summary>The summary shown before submitting: an Adaptive Card where the channel renders cards, text elsewhere.</summary>
internal static class IntakeSummary
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The key in a card submit's value that carries the chosen summary action.</summary>
    public const string ActionKey = "intakeAction";

    public static Activity Render(AssistanceRequest request, string? channelId)
    {
        var facts = Facts(request).Select(f => (Label: f.Key, Value: (string?)f.Value)).ToList();
        if (!ChannelCapabilities.SupportsAdaptiveCards(channelId))
        {
            var text = new StringBuilder(IntakeMessages.SummaryIntro).Append("\n\n");
            foreach (var (label, value) in facts)
            {
                text.Append("- ").Append(label).Append(": ").Append(value).Append('\n');
            }
            return Activity.CreateMessage(text.ToString().TrimEnd());
        }
        var message = Activity.CreateMessage(IntakeMessages.SummaryIntro);
        message.Attachments = [new Attachment { ContentType = CardContentType, Content = Card(facts) }];
        return message;
    }

    /// <summary>The answered fields as label/value pairs, in question order (also what an advisor sees first).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Facts(AssistanceRequest request) =>
    [
        .. IntakeFields.All
            .Select(f => (f.Label, Value: f.Display(request)))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => new KeyValuePair<string, string>(f.Label, f.Value!)),
    ];

    /// <summary>"by phone at (555) 234-0100" etc., from the preferred contact method.</summary>
    public static string ContactPhrase(AssistanceRequest request) => request.PreferredContact switch
    {
        ContactMethod.Email => $"by email at {request.Email}",
        ContactMethod.Teams => "in Microsoft Teams",
        ContactMethod.Phone => $"by phone at {request.Phone}",
        _ => $"by phone at {request.Phone} or by email at {request.Email}",
    };

    private static JsonObject Card(IEnumerable<(string Label, string? Value)> facts) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Request for MVAI assistance", ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Label, ["value"] = f.Value })]),
            }),
        ["actions"] = new JsonArray(
            SubmitAction(IntakeMessages.Confirm, "positive"),
            SubmitAction(IntakeMessages.Change, "default"),
            SubmitAction(IntakeMessages.Cancel, "destructive")),
    };

    private static JsonObject SubmitAction(string title, string style) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["style"] = style,
        ["data"] = new JsonObject { [ActionKey] = title },
    };
}
