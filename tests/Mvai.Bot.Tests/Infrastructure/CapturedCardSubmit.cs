using System.Text;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>
/// The Agents Playground's captured Adaptive Card Action.Submit (a message with <c>value</c> and no text), moved into
/// a test conversation and carrying a card's data. Web Chat's submits have the same shape.
/// </summary>
public static class CapturedCardSubmit
{
    public static Activity For(Conversation chat, JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var capture = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData("captures", "teams-playground", "04-message-adaptivecard-submit.json")))!;
        var submit = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(capture["body"]!.ToJsonString()))!;
        var template = chat.NewActivity(ActivityTypes.Message);
        (submit.ChannelId, submit.Conversation, submit.From, submit.Recipient, submit.ServiceUrl) =
            (template.ChannelId, template.Conversation, template.From, template.Recipient, template.ServiceUrl);
        (submit.Id, submit.LocalTimestamp) = (template.Id, template.LocalTimestamp);
        submit.Value = value;
        return submit;
    }
}
