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
    public async Task KnowledgeQuestion_IsAnsweredWithACitedCard()
    {
        var before = Teams.Received.Count;

        await Teams.SendAsync(Teams.PersonalChatId, "what do i tell the press in the first hour");

        var answer = await Teams.WaitForAsync(before, m => m.Card(AdaptiveCard) is not null, "a guidance answer card");
        var card = answer.Card(AdaptiveCard)!.ToJsonString();
        Assert.Contains("Sources", card, StringComparison.Ordinal);
        Assert.Matches(@"\[[^\]]+\]\(https?://[^)]+\)", card);
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
