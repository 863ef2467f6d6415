using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Feedback;
using Mvai.Bot.Answering.Streaming;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>
/// With a language model, a Teams personal chat sees the answer being prepared: "Searching the MVAI guidance..."
/// (informative), the text so far (streaming, about once a second), then the cited answer as the stream's final
/// message, which alone carries the citations, the "AI generated" label and the thumbs. Where Teams refuses to stream
/// (403), the answer arrives as a plain message. The model is the fake OpenAI server speaking the streaming wire format.
/// </summary>
public sealed class StreamedAnswerTests
{
    private const string ModelAnswer =
        "Hold a short statement within the first hour [1], name one spokesperson, and promise regular updates at set times [2]; " +
        "say what is confirmed and what is not, and never release victims' names before families are told.";

    private static readonly TimeSpan ChunkDelay = TimeSpan.FromMilliseconds(350);

    [Fact]
    public async Task InAPersonalChat_InformativeThenStreamedTextThenTheFinalCitedAnswer()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, chunkDelay: ChunkDelay);
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await StartAsync(model);
        var question = new TeamsChat(host, serviceUrl: connector.ServiceUrl).Message("what do i tell the press in the first hour");

        using var response = await host.PostActivityAsync(question);

        var activities = await FinalAsync(connector);
        var informative = activities[0];
        Assert.Equal((ActivityTypes.Typing, AnswerStream.SearchingText), (Str(informative, "type"), Str(informative, "text")));
        Assert.Equal(("informative", 1), (Str(StreamInfo(informative), "streamType"), StreamInfo(informative)["streamSequence"]!.GetValue<int>()));
        var streamId = "reply-1";

        var updates = activities.Skip(1).SkipLast(1).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.Equal((ActivityTypes.Typing, "streaming", streamId), (Str(u, "type"), Str(StreamInfo(u), "streamType"), Str(StreamInfo(u), "streamId"))));
        Assert.Equal(Enumerable.Range(2, updates.Count), updates.Select(u => StreamInfo(u)["streamSequence"]!.GetValue<int>()));
        // Each update is the text so far: it grows, and the model's passage numbers are left for the final text.
        var texts = updates.Select(u => Str(u, "text")).ToList();
        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("[1]", t, StringComparison.Ordinal));
        var times = connector.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.All(times.Skip(1).Zip(times.Skip(2)).SkipLast(1), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(900), "updates at most one a second"));

        var final = activities[^1];
        Assert.Equal(ActivityTypes.Message, Str(final, "type"));
        var info = StreamInfo(final);
        Assert.Equal(("final", streamId), (Str(info, "streamType"), Str(info, "streamId")));
        Assert.Null(info["streamSequence"]);
        var message = final["entities"]!.AsArray().Single(e => Str(e!, "type") == "https://schema.org/Message")!;
        Assert.Equal("AIGeneratedContent", message["additionalType"]![0]!.GetValue<string>());
        Assert.NotEmpty(message["citation"]!.AsArray());
        Assert.Equal("default", final["channelData"]!["feedbackLoop"]!["type"]!.GetValue<string>());
        Assert.Contains("Hold a short statement within the first hour [", Str(final, "text"), StringComparison.Ordinal);
        Assert.Single(updates.Concat([informative]), u => u["entities"]!.AsArray().Any(e => Str(e!, "type") == "streaminfo" && Str(e!, "streamType") == "informative"));
    }

    [Fact]
    public async Task WhereTeamsRefusesToStream_TheAnswerArrivesAsAPlainMessage_StillCitedAndLabelled()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer, chunkDelay: TimeSpan.FromMilliseconds(50));
        await using var connector = await ChannelConnectorServer.StartAsync();
        connector.RefuseStreaming = true;
        await using var host = await StartAsync(model);
        var question = new TeamsChat(host, serviceUrl: connector.ServiceUrl).Message("what do i tell the press in the first hour");

        using var response = await host.PostActivityAsync(question);

        var activities = await FinalAsync(connector);
        // The refused informative update, the typing indicator instead, then the answer: no stream fields on it.
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Typing, ActivityTypes.Message], activities.Select(a => Str(a, "type")));
        var final = activities[^1];
        Assert.DoesNotContain(final["entities"]!.AsArray(), e => Str(e!, "type") == "streaminfo");
        Assert.Contains(final["entities"]!.AsArray(), e => Str(e!, "type") == "https://schema.org/Message" && e!["additionalType"] is not null);
    }

    [Fact]
    public async Task AThumbOnAStreamedAnswer_IsStoredAgainstIt()
    {
        await using var model = await FakeOpenAIServer.StartAsync(ModelAnswer);
        await using var connector = await ChannelConnectorServer.StartAsync();
        await using var host = await StartAsync(model);
        var chat = new TeamsChat(host, serviceUrl: connector.ServiceUrl);
        using var asked = await host.PostActivityAsync(chat.Message("what do i tell the press in the first hour"));
        await FinalAsync(connector);
        var answerId = $"reply-{connector.Requests.Count}";
        var thumb = chat.FromCapture("05-invoke-adaptiveCard-action.json");
        thumb.Name = FeedbackPayloads.TeamsInvokeName;
        thumb.ReplyToId = answerId;
        thumb.Value = new JsonObject { ["actionName"] = "feedback", ["actionValue"] = new JsonObject { ["reaction"] = "like", ["feedback"] = "{\"feedbackText\":\"\"}" } };

        using var response = await host.PostActivityAsync(thumb);

        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        var record = await host.Services.GetRequiredService<IAnswerRecordStore>().FindByActivityAsync(Channels.Msteams, chat.ConversationId, answerId, CancellationToken.None);
        Assert.Equal((FeedbackReaction.Like, true, null), (record!.Reaction, record.ModelWritten, record.FeedbackText));
    }

    private static Task<BotTestHost> StartAsync(FakeOpenAIServer model) => BotTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["Knowledge:OpenAI:Endpoint"] = model.Endpoint.ToString(),
        ["Knowledge:OpenAI:ChatModel"] = "test-model",
    });

    /// <summary>Every activity the bot posted, once the answer (a message) has arrived.</summary>
    private static async Task<List<JsonNode>> FinalAsync(ChannelConnectorServer connector)
    {
        await Eventually.TrueAsync(() => Task.FromResult(connector.Requests.Any(r => Str(JsonNode.Parse(r.Body)!, "type") == ActivityTypes.Message)), "the answer");
        return [.. connector.Requests.Select(r => JsonNode.Parse(r.Body)!)];
    }

    private static JsonNode StreamInfo(JsonNode activity) => activity["entities"]!.AsArray().Single(e => Str(e!, "type") == "streaminfo")!;

    private static string Str(JsonNode node, string name) => node[name]!.GetValue<string>();
}
