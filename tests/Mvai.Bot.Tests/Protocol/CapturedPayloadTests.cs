using System.Text;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Protocol;

/// <summary>Every activity real clients sent here (Web Chat, the Agents Playground) survives a round trip untouched.</summary>
public sealed class CapturedPayloadTests
{
    public static TheoryData<string> CapturedActivities()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.TestData("captures"), "*.json", SearchOption.AllDirectories).Order())
        {
            if (JsonNode.Parse(File.ReadAllText(file))?["body"]?["type"] is not null)
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.TestData("captures"), file));
            }
        }
        return data;
    }

    [Fact]
    public void Captures_CoverEveryKindOfActivityTheClientsSend()
    {
        var types = Directory.EnumerateFiles(RepositoryPaths.TestData("captures"), "*.json", SearchOption.AllDirectories)
            .Select(file => JsonNode.Parse(File.ReadAllText(file))?["body"]?["type"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet();
        Assert.Superset(new HashSet<string> { "message", "conversationUpdate", "installationUpdate", "invoke" }, types);
    }

    [Theory]
    [MemberData(nameof(CapturedActivities))]
    public void CapturedActivity_RoundTrips_WithNoFieldLost(string captureFile)
    {
        var original = JsonNode.Parse(File.ReadAllText(RepositoryPaths.TestData("captures", captureFile)))!["body"]!;

        var activity = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(original.ToJsonString()))!;
        var roundTripped = JsonNode.Parse(ProtocolJson.Serialize(activity));

        JsonAssert.Equivalent(original, roundTripped);
    }

    [Fact]
    public void UnknownProperties_AreKeptAtEveryLevel()
    {
        const string json = """
            {"type":"message","text":"hi","futureField":{"a":[1,2]},
             "from":{"id":"u1","tenantHint":"x"},"conversation":{"id":"c1","extra":true},
             "entities":[{"type":"mention","mentioned":{"id":"b"},"text":"<at>Bot</at>"}],
             "attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard"},"layoutHint":"wide"}],
             "channelData":{"clientActivityID":"abc","tenant":{"id":"t"}},"value":{"choice":"A"}}
            """;

        var activity = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(json))!;

        JsonAssert.Equivalent(JsonNode.Parse(json), JsonNode.Parse(ProtocolJson.Serialize(activity)));
        Assert.Equal("mention", activity.Entities![0].Type);
        Assert.Equal("<at>Bot</at>", activity.Entities[0].GetString("text"));
    }

    [Fact]
    public void Serialize_OmitsNullsAndUsesCamelCase()
    {
        var json = ProtocolJson.Serialize(new Activity { Type = ActivityTypes.Message, ReplyToId = "1" });

        Assert.Equal("""{"type":"message","replyToId":"1"}""", json);
    }

    [Fact]
    public void CreateReply_SwapsSenderAndRecipient_AndPointsAtTheIncomingActivity()
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "in-1",
            ChannelId = Channels.Msteams,
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            From = new ChannelAccount { Id = "29:user", Name = "Chief" },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "MVAI" },
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
        };

        var reply = incoming.CreateReply("hello");

        Assert.Equal(("28:bot", "29:user"), (reply.From!.Id, reply.Recipient!.Id));
        Assert.Equal(("in-1", "a:1", Channels.Msteams, incoming.ServiceUrl), (reply.ReplyToId, reply.Conversation!.Id, reply.ChannelId, reply.ServiceUrl));
        Assert.Equal("hello", reply.Text);
    }
}
