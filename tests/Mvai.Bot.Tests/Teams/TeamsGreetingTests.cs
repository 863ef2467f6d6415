using Mvai.Bot.Assistant;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>Installing the Teams app greets the conversation once: not for the bot joining, not again on re-install.</summary>
public sealed class TeamsGreetingTests : IAsyncLifetime
{
    private static readonly string[] WelcomeButtons = [AssistantMessages.RequestAssistance, AssistantMessages.AskQuestion, AssistantMessages.TalkToAdvisor];

    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Install_InAPersonalChat_GreetsOnce_WithThreeSuggestedActions()
    {
        var chat = new TeamsChat(_host);

        var replies = await chat.InstallAsync();

        var welcome = Assert.Single(replies);
        Assert.Equal(AssistantMessages.Welcome, welcome.Text);
        Assert.Equal(WelcomeButtons, welcome.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.True(welcome.Attachments is null or { Count: 0 });
    }

    [Fact]
    public async Task Reinstall_RemoveThenAdd_DoesNotGreetAgain()
    {
        var chat = new TeamsChat(_host);
        Assert.Single(await chat.InstallAsync());

        Assert.Empty(await chat.SendAsync(chat.Installation("remove")));
        Assert.Empty(await chat.SendAsync(chat.Installation("add")));
        Assert.Empty(await chat.SendAsync(chat.ConversationUpdate()));
    }

    [Fact]
    public async Task BotAddedToTheConversation_IsNotGreeted_ButTheInstallIs()
    {
        // Real Teams announces a personal install with the bot as the only member added.
        var chat = new TeamsChat(_host);
        var botJoined = chat.ConversationUpdate();
        botJoined.MembersAdded = [new ChannelAccount { Id = TeamsChat.BotId }];

        Assert.Empty(await chat.SendAsync(botJoined));
        Assert.Equal(AssistantMessages.Welcome, Assert.Single(await chat.SendAsync(chat.Installation("add"))).Text);
    }

    [Fact]
    public async Task GreetingInAChannel_CarriesItsButtonsOnAHeroCard_BecauseTeamsShowsNoSuggestedActionsThere()
    {
        var chat = new TeamsChat(_host, inChannel: true);

        var welcome = Assert.Single(await chat.SendAsync(chat.ConversationUpdate()));

        Assert.Equal(AssistantMessages.Welcome, welcome.Text);
        Assert.Null(welcome.SuggestedActions);
        var card = Assert.Single(welcome.Attachments!);
        Assert.Equal(ChoiceFactory.HeroCardContentType, card.ContentType);
        var buttons = card.Content!["buttons"]!.AsArray();
        Assert.Equal(WelcomeButtons, buttons.Select(b => b!["title"]!.GetValue<string>()));
        // imBack: pressing a button sends its title as the user's message, the same text as the suggested action.
        Assert.All(buttons, b => Assert.Equal((ActionTypes.ImBack, b!["title"]!.GetValue<string>()), (b["type"]!.GetValue<string>(), b["value"]!.GetValue<string>())));
    }
}
