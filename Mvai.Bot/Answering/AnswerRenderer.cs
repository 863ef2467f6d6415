using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.Bot.BotFramework.Dialogs.Choices;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Knowledge.Answering;

namespace Mvai.Bot.Answering;

/// <summary>
/// A guidance answer as a message: an Adaptive Card with source links where the channel renders cards,
/// text with links elsewhere; followed by the next steps a chief is likely to want.
/// </summary>
internal static class AnswerRenderer
{
    public static Activity Render(GuidanceAnswer answer, string? channelId)
    {
        var message = Activity.CreateMessage(AnswerFormatter.Format(answer));
        if (answer.Kind == AnswerKind.Answered && ChannelCapabilities.SupportsAdaptiveCards(channelId))
        {
            message.Text = answer.ShortAnswer;
            message.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = Card(answer) }];
        }
        message.SuggestedActions = new SuggestedActions
        {
            Actions = [CardAction.ImBack(AssistantMessages.RequestAssistance), CardAction.ImBack(AssistantMessages.TalkToAdvisor)],
        };
        return message;
    }

    private static JsonObject Card(GuidanceAnswer answer)
    {
        var body = new JsonArray(Block(answer.ShortAnswer, weight: "Bolder"));
        foreach (var point in answer.KeyPoints)
        {
            body.Add(Block("• " + point));
        }
        body.Add(Block("Sources", weight: "Bolder", size: "Small"));
        foreach (var citation in answer.Citations)
        {
            body.Add(Block($"[{citation.Title}]({citation.Url.AbsoluteUri})", size: "Small"));
        }
        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
    }

    private static JsonObject Block(string text, string? weight = null, string? size = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }
        if (size is not null)
        {
            block["size"] = size;
        }
        return block;
    }
}
