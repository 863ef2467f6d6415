using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Citations;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Protocol;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Corpus;

namespace Mvai.Bot.Answering;

/// <summary>
/// A guidance answer as one message in the channel's own conventions. Teams: Markdown text with <c>[n]</c> markers,
/// the citations, "AI generated" label and thumbs Teams draws itself. Web Chat: the same text with reference
/// definitions, citation pop-ups and thumbs. Elsewhere: plain text with numbered sources. Then the next steps a chief
/// is likely to want: related topics, "Request MVAI assistance" and "Talk to an advisor".
/// </summary>
internal static class AnswerRenderer
{
    public static Activity Render(GuidanceAnswer answer, Activity incoming, GuidanceCorpus corpus, string answerId)
    {
        var channelId = incoming.ChannelId;
        CardAction[] nextSteps = [CardAction.ImBack(NextStepTitles.RequestAssistance), CardAction.ImBack(NextStepTitles.TalkToAdvisor)];
        var related = answer.RelatedTopics.Select(CardAction.ImBack).ToList();

        // Teams shows at most three suggested actions (personal chats only); related topics that do not fit go on a
        // card as buttons, or into the text, so they stay one tap or one copy away.
        var relatedAsSuggestions = related.Count > 0
            && ChannelCapabilities.SupportsSuggestedActions(channelId, incoming.Conversation?.ConversationType, related.Count + nextSteps.Length);
        var message = answer.Kind == AnswerKind.Safety ? Activity.CreateMessage(AnswerFormatter.Format(answer)) : Cited(answer, channelId, corpus, answerId);
        if (!relatedAsSuggestions && answer.RelatedTopics.Count > 0)
        {
            if (ChannelCapabilities.SupportsAdaptiveCards(channelId) && answer.Kind != AnswerKind.Safety)
            {
                message.Attachments = [new Attachment { ContentType = "application/vnd.microsoft.card.adaptive", Content = TopicCard(answer.RelatedTopics, channelId) }];
            }
            else
            {
                message.Text += "\nYou can also ask about: " + string.Join("; ", answer.RelatedTopics);
            }
        }
        message.SuggestedActions = new SuggestedActions { Actions = [.. relatedAsSuggestions ? related : [], .. nextSteps] };
        return message;
    }

    /// <summary>Whether answers in this channel carry the thumbs and can be rated.</summary>
    public static bool TakesFeedback(string? channelId) => channelId is Channels.Msteams || IsWebChat(channelId);

    private static Activity Cited(GuidanceAnswer answer, string? channelId, GuidanceCorpus corpus, string answerId)
    {
        var cited = CitedAnswer.From(answer, corpus);
        if (channelId is Channels.Msteams)
        {
            var teams = Activity.CreateMessage(AnswerText.Markdown(cited));
            teams.TextFormat = "markdown";
            teams.Entities = [AnswerEntity.ForTeams(cited)];
            teams.ChannelData = new JsonObject { ["feedbackLoop"] = new JsonObject { ["type"] = "default" } };
            return teams;
        }
        if (IsWebChat(channelId))
        {
            var webChat = Activity.CreateMessage(AnswerText.MarkdownWithDefinitions(cited));
            webChat.TextFormat = "markdown";
            webChat.Entities = [AnswerEntity.ForWebChat(cited, answerId)];
            return webChat;
        }
        return Activity.CreateMessage(AnswerText.Plain(cited));
    }

    private static bool IsWebChat(string? channelId) => channelId is Channels.Webchat or Channels.Directline;

    private static JsonObject TopicCard(IReadOnlyList<string> topics, string? channelId) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock", ["text"] = "Related topics", ["weight"] = "Bolder", ["size"] = "Small", ["wrap"] = true,
        }),
        ["actions"] = new JsonArray([.. topics.Select(t => (JsonNode)AdaptiveCardActions.ImBack(t, channelId))]),
    };
}
