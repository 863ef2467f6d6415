using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Knowledge.Corpus;

namespace Mvai.Bot.Tests.Answering;

/// <summary>After an answer the chief can tap a related topic and get a cited answer about it.</summary>
public sealed class RelatedTopicTranscriptTests : IAsyncLifetime
{
    private static readonly GuidanceCorpus Corpus = CorpusLoader.LoadDefault();
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TappingTheFirstRelatedTopic_AnswersThatTopic_WithSources()
    {
        var chat = new Conversation(_host);

        var answer = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));
        var buttons = answer.SuggestedActions!.Actions.Select(a => a.Title).ToList();
        Assert.Equal(4, buttons.Count);
        Assert.Equal(["Request MVAI assistance", "Talk to an advisor"], buttons[2..]);
        var topic = answer.SuggestedActions.Actions[0];
        Assert.Equal(ActionTypes.ImBack, topic.Type);

        var followUp = Assert.Single(await chat.SayAsync(topic.Value!.GetValue<string>()));

        Assert.Contains("Sources:", followUp.Text, StringComparison.Ordinal);
        Assert.Contains("https://", followUp.Text, StringComparison.Ordinal);
        Assert.Contains(followUp.Text!.Split('\n')[0], Headings(topic.Title!));
        Assert.DoesNotContain(topic.Title, followUp.SuggestedActions!.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task InTeams_RelatedTopicsAreCardButtons_SoTheSuggestedActionsStayWithinThree()
    {
        var chat = new Conversation(_host, channelId: Channels.Msteams);

        var answer = Assert.Single(await chat.SayAsync("what wellness support should our officers get in the first week after the shooting"));

        Assert.Equal(["Request MVAI assistance", "Talk to an advisor"], answer.SuggestedActions!.Actions.Select(a => a.Title));
        var actions = Assert.IsType<JsonArray>(Assert.Single(answer.Attachments!).Content!["actions"]);
        Assert.Equal(2, actions.Count);
        var imBack = actions[0]!["data"]!["msteams"]!;
        Assert.Equal("Action.Submit", actions[0]!["type"]!.GetValue<string>());
        Assert.Equal("imBack", imBack["type"]!.GetValue<string>());
        var topic = imBack["value"]!.GetValue<string>();

        // Teams turns the imBack submit into an ordinary message carrying the button's text.
        var followUp = Assert.Single(await chat.SayAsync(topic));

        // The answer itself is the message text, under its headline; the card holds only its related-topic buttons.
        Assert.Contains(followUp.Text!.Split("\n\n")[0].Trim('*'), Headings(topic));
        Assert.Single(followUp.Entities!, e => e.Type == "https://schema.org/Message");
    }

    [Fact]
    public async Task InWebChat_ThereIsNoCard_BecauseTheSuggestedActionsHoldTheTopics()
    {
        var chat = new Conversation(_host, channelId: Channels.Webchat);

        var answer = Assert.Single(await chat.SayAsync("how do we pay for all the overtime after the shooting"));

        Assert.Equal(4, answer.SuggestedActions!.Actions.Count);
        Assert.Null(answer.Attachments);
    }

    [Fact]
    public async Task OnAChannelWithoutCardsOrSuggestedActions_TheRelatedTopicsAreListedInTheText()
    {
        var chat = new Conversation(_host, channelId: "sms");

        var answer = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        var line = answer.Text!.Split('\n').Single(l => l.StartsWith("You can also ask about: ", StringComparison.Ordinal));
        var topics = line["You can also ask about: ".Length..].Split("; ");
        Assert.Equal(2, topics.Length);
        var followUp = Assert.Single(await chat.SayAsync(topics[1]));
        Assert.Contains(followUp.Text!.Split('\n')[0], Headings(topics[1]));
    }

    [Fact]
    public async Task EveryTopicTheBotCanOffer_IsAnsweredWithSources_WhenSentAsAMessage()
    {
        var offerable = Corpus.Documents.Where(d => d.Id is not ("safety-scope" or "about-mvai-request-help"));
        foreach (var document in offerable)
        {
            var label = document.ShortTitle;

            var reply = Assert.Single(await new Conversation(_host).SayAsync(label));

            Assert.True(document.Passages.Any(p => reply.Text!.StartsWith(p.Heading + "\n", StringComparison.Ordinal)), $"{label} -> {reply.Text}");
            Assert.Contains("Sources:", reply.Text, StringComparison.Ordinal);
        }
    }

    private static List<string> Headings(string topicTitle) =>
        [.. Corpus.Documents.Single(d => d.ShortTitle == topicTitle).Passages.Select(p => p.Heading)];
}
