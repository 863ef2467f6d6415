using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Feedback;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Answering.Citations;

/// <summary>
/// The answer's one root schema.org Message entity: its citations (Claims matched to the text's markers by position),
/// the "AI generated" label for model-written answers, and in Web Chat the thumbs (LikeAction, DislikeAction).
/// Teams answers 400 to an entity it cannot read, so it is only sent to Teams and Web Chat.
/// </summary>
internal static class AnswerEntity
{
    public const string MessageType = "https://schema.org/Message";
    public const string AiGenerated = "AIGeneratedContent";

    /// <summary>Teams: each citation links to its source, with the abstract in the pop-up.</summary>
    public static Entity ForTeams(CitedAnswer answer) => Create(answer, citation => new JsonObject
    {
        ["@type"] = "DigitalDocument",
        ["name"] = citation.Name,
        ["url"] = citation.Url.AbsoluteUri,
        ["abstract"] = citation.Abstract,
        ["keywords"] = Keywords(citation),
    }, feedback: null);

    /// <summary>
    /// Web Chat: no <c>url</c> on the appearance, so a marker opens the pop-up (its text ends with the source link)
    /// rather than the page; the thumbs name the answer in their <c>@id</c>, since Web Chat's feedback event has no replyToId.
    /// </summary>
    public static Entity ForWebChat(CitedAnswer answer, string answerId) => Create(answer, citation => new JsonObject
    {
        ["@type"] = "DigitalDocument",
        ["name"] = citation.Name,
        ["abstract"] = citation.Abstract,
        ["text"] = $"{citation.Abstract}\n\n[{citation.Name}]({citation.Url.AbsoluteUri})",
        ["keywords"] = Keywords(citation),
    }, new JsonArray(
        new JsonObject { ["@type"] = "LikeAction", ["@id"] = FeedbackActionIds.For(answerId, FeedbackReaction.Like) },
        new JsonObject { ["@type"] = "DislikeAction", ["@id"] = FeedbackActionIds.For(answerId, FeedbackReaction.Dislike) }));

    private static Entity Create(CitedAnswer answer, Func<AnswerCitation, JsonObject> appearance, JsonArray? feedback)
    {
        var root = new JsonObject
        {
            ["type"] = MessageType,
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = string.Empty,
        };
        if (answer.ModelWritten)
        {
            root["additionalType"] = new JsonArray(AiGenerated);
        }
        if (answer.Citations.Count > 0)
        {
            root["citation"] = new JsonArray([.. answer.Citations.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "Claim",
                ["position"] = c.Position,
                ["appearance"] = appearance(c),
            })]);
        }
        if (feedback is not null)
        {
            root["potentialAction"] = feedback;
        }
        return EntityJson.From(root);
    }

    private static JsonArray Keywords(AnswerCitation citation) => new([.. citation.Keywords.Select(k => (JsonNode)k)]);
}
