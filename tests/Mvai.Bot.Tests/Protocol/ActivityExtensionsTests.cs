using System.Text;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Protocol;

public sealed class ActivityExtensionsTests
{
    [Fact]
    public void RemoveRecipientMention_StripsTheBotsMention_FromACapturedTeamsChannelMessage()
    {
        var activity = Capture("teams-playground", "06-message-channel-mention.json");

        Assert.Contains("<at>", activity.Text, StringComparison.Ordinal);
        Assert.Equal("hi channel", activity.RemoveRecipientMention());
    }

    [Fact]
    public void RemoveRecipientMention_KeepsOtherPeoplesMentions()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "<at>MVAI</at> please loop in <at>Sgt Lee</at>",
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities =
            [
                Mention("28:bot", "<at>MVAI</at>"),
                Mention("29:lee", "<at>Sgt Lee</at>"),
            ],
        };

        Assert.Equal("please loop in <at>Sgt Lee</at>", activity.RemoveRecipientMention());
    }

    [Fact]
    public void IsCardSubmit_IsTrueForACapturedActionSubmit_AndFalseForText()
    {
        Assert.True(Capture("teams-playground", "04-message-adaptivecard-submit.json").IsCardSubmit());
        Assert.False(Capture("teams-playground", "03-message-personal.json").IsCardSubmit());
    }

    private static Activity Capture(params string[] path)
    {
        var body = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData(["captures", .. path])))!["body"]!;
        return ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(body.ToJsonString()))!;
    }

    private static Entity Mention(string id, string text) => ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(
        $$"""{"type":"message","entities":[{"type":"mention","mentioned":{"id":"{{id}}"},"text":"{{text}}"}]}"""))!.Entities![0];
}
