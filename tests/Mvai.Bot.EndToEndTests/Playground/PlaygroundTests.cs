using Mvai.Bot.Assistant;

namespace Mvai.Bot.EndToEndTests.Playground;

/// <summary>
/// A chief using the assistant in Teams, as the real Microsoft 365 Agents Playground shows it: the bot's replies
/// travel through the Playground's Connector and are read from its UI stream.
/// </summary>
public sealed class PlaygroundTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    private const string HeroCard = "application/vnd.microsoft.card.hero";

    private PlaygroundClient Teams => fixture.Client;

    [Fact]
    public async Task InstallingTheApp_GreetsThePersonalChatOnce()
    {
        var before = Teams.Received.Count;

        await Teams.InstallAsync(Teams.PersonalChatId);

        var welcome = await Teams.WaitForAsync(before, m => m.Text == AssistantMessages.Welcome, "the welcome");
        // The Playground sends installationUpdate and conversationUpdate: still one greeting.
        await Task.Delay(1000);
        Assert.Single(Teams.Received.Skip(before), m => m.Text == AssistantMessages.Welcome);
        Assert.Equal(Teams.PersonalChatId, welcome.ConversationId);
    }

    [Fact]
    public async Task KnowledgeQuestion_IsAnsweredWithNativeCitations_WhichThePlaygroundAccepts_AndTheThumbsAreOn()
    {
        var before = Teams.Received.Count;

        await Teams.SendAsync(Teams.PersonalChatId, "what do i tell the press in the first hour");

        // The Playground validates the Message entity as Teams does (abstract required, at most 10 citations) and shows
        // the citations and the thumbs from it; a malformed one would have been refused with 400 and never shown.
        var answer = await Teams.WaitForAsync(before, m => m.Message["aiEntity"] is not null, "a cited guidance answer");
        var citations = answer.Message["aiEntity"]!["citation"]!.AsArray();
        Assert.InRange(citations.Count, 1, 10);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Message["feedbackLoopEnabled"]!.GetValue<bool>());
        Assert.Null(answer.Card(AdaptiveCard)?["body"]?.AsArray().FirstOrDefault(b => b?["text"]?.GetValue<string>() == "Sources"));

        // A thumb as the UI sends it: the bot answers 200 with an empty object, which the Playground accepts.
        var acknowledged = await Teams.FeedbackAsync(Teams.PersonalChatId, answer.Id, "like", "clear and short");
        Assert.Null(acknowledged["status"]);
    }

    [Fact]
    public async Task ChannelPost_MentioningTheBot_IsAnsweredInItsThread_WithButtonsOnACard()
    {
        var before = Teams.Received.Count;

        var thread = await Teams.SendAsync(Teams.TeamChannelId, "what do i tell the press in the first hour", mentionBot: true);

        var answer = await Teams.WaitForAsync(before, m => m.Card(AdaptiveCard) is not null, "a guidance answer in the channel");
        Assert.Equal(thread, answer.ConversationId);
        // Teams shows no suggested actions in channels: the next steps are card buttons instead (the Playground,
        // like Teams, shows each attachment of the reply as its own message).
        var nextSteps = await Teams.WaitForAsync(before, m => m.Card(HeroCard) is not null, "the next steps on a card");
        var buttons = nextSteps.Card(HeroCard)!["buttons"]!.AsArray().Select(b => b!["title"]!.GetValue<string>());
        Assert.Contains(AssistantMessages.TalkToAdvisor, buttons);
    }
}
