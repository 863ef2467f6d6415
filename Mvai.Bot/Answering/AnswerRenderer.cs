using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Protocol;
using Mvai.Knowledge.Answering;

namespace Mvai.Bot.Answering;

/// <summary>
/// A guidance answer as a message: an Adaptive Card with source links where the channel renders cards,
/// text with links elsewhere; followed by the next steps a chief is likely to want: related topics,
/// then "Request MVAI assistance" and "Talk to an advisor".
/// </summary>
internal static class AnswerRenderer
{
    public static Activity Render(GuidanceAnswer answer, Activity incoming)
    {
        var channelId = incoming.ChannelId;
        CardAction[] nextSteps = [CardAction.ImBack(AssistantMessages.RequestAssistance), CardAction.ImBack(AssistantMessages.TalkToAdvisor)];
        var related = answer.RelatedTopics.Select(CardAction.ImBack).ToList();

        // Teams shows at most three suggested actions (personal chats only); related topics that
        // do not fit go on the card as buttons, or into the text, so they stay one tap or one
        // copy away.
        var relatedAsSuggestions = related.Count > 0
            && ChannelCapabilities.SupportsSuggestedActions(channelId, incoming.Conversation?.ConversationType, related.Count + nextSteps.Length);
        var asCard = answer.Kind != AnswerKind.Safety && ChannelCapabilities.SupportsAdaptiveCards(channelId);
        var message = Activity.CreateMessage(AnswerFormatter.Format(answer));
        if (asCard)
        {
            // Web Chat shows a message's text as a bubble and then its card, so there the text carries the headline and
            // lead and the card goes on from the key points; Teams keeps the whole answer on the card under the lead.
            var leadInText = channelId is not Channels.Msteams;
            message.Text = leadInText && answer.Headline is not null ? $"**{answer.Headline}**\n\n{answer.ShortAnswer}" : answer.ShortAnswer;
            var cardTopics = relatedAsSuggestions ? [] : answer.RelatedTopics;
            message.Attachments =
                [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = Card(answer, cardTopics, channelId, withLead: !leadInText) }];
        }
        else if (!relatedAsSuggestions && answer.RelatedTopics.Count > 0)
        {
            message.Text += "\nYou can also ask about: " + string.Join("; ", answer.RelatedTopics);
        }

        message.SuggestedActions = new SuggestedActions { Actions = [.. relatedAsSuggestions ? related : [], .. nextSteps] };
        return message;
    }

    private static JsonObject Card(GuidanceAnswer answer, IReadOnlyList<string> topicButtons, string? channelId, bool withLead)
    {
        var body = new JsonArray();
        if (withLead && answer.Headline is not null)
        {
            body.Add(Block(answer.Headline, weight: "Bolder", size: "Medium"));
        }
        if (withLead)
        {
            body.Add(Block(answer.ShortAnswer, weight: answer.Headline is null ? "Bolder" : null));
        }
        foreach (var point in answer.KeyPoints)
        {
            body.Add(Block("• " + point));
        }
        body.Add(Block("Sources", weight: "Bolder", size: "Small"));
        foreach (var citation in answer.Citations)
        {
            body.Add(Block($"[{citation.Title}]({citation.Url.AbsoluteUri})", size: "Small"));
        }
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (topicButtons.Count > 0)
        {
            body.Add(Block("Related topics", weight: "Bolder", size: "Small"));
            card["actions"] = new JsonArray([.. topicButtons.Select(t => (JsonNode)AdaptiveCardActions.ImBack(t, channelId))]);
        }
        return card;
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
