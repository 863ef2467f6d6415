using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs.Prompts;

public sealed class ChoicePromptTests
{
    private const string Question = "Which service do you need?";
    private const string Retry = "Please pick one of the options.";

    private static readonly string[] Services = ["Legal advice", "Victim and family services", "Benefits", "Peer support"];

    private static PromptOptions Options(int count, ListStyle? style = null) => new()
    {
        Prompt = Activity.CreateMessage(Question),
        RetryPrompt = Activity.CreateMessage(Retry),
        Choices = [.. Services.Take(count).Select(s => new Choice(s))],
        Style = style,
    };

    private static DialogTestFlow CreateFlow(int count = 4, ListStyle? style = ListStyle.None, string channelId = Channels.Test, string conversationType = "personal") =>
        new(PromptHost.Create(new ChoicePrompt("choice"), () => Options(count, style), r => $"You picked {((FoundChoice)r!).Value}"))
        {
            ChannelId = channelId,
            ConversationType = conversationType,
        };

    [Theory]
    [InlineData("Benefits", "Benefits")]
    [InlineData("victim and family services", "Victim and family services")]
    [InlineData("victim services", "Victim and family services")]
    [InlineData("I need legal help", "Legal advice")]
    [InlineData("the second one", "Victim and family services")]
    [InlineData("last", "Peer support")]
    [InlineData("third", "Benefits")]
    [InlineData("2", "Victim and family services")]
    public async Task RecognisesNamesPartsOrdinalsAndNumbers(string answer, string expected) =>
        await CreateFlow().Send("hi").AssertReply(Question).Send(answer).AssertReply($"You picked {expected}").StartTestAsync();

    [Theory]
    [InlineData("pizza")]
    [InlineData("7")]
    public async Task UnknownAnswer_GetsTheRetryPrompt(string answer) =>
        await CreateFlow()
            .Send("hi").AssertReply(Question)
            .Send(answer).AssertReply(Retry)
            .Send("4").AssertReply("You picked Peer support")
            .StartTestAsync();

    [Fact]
    public async Task TeamsPersonalChat_WithThreeChoices_ShowsSuggestedActions()
    {
        await CreateFlow(3, style: null, Channels.Msteams, "personal")
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal(Question, a.Text);
                Assert.Equal(Services.Take(3), a.SuggestedActions!.Actions.Select(x => x.Title));
                Assert.Null(a.Attachments);
            })
            .Send("Benefits").AssertReply("You picked Benefits")
            .StartTestAsync();
    }

    [Theory]
    [InlineData(4, "personal")]
    [InlineData(3, "channel")]
    [InlineData(2, "groupChat")]
    public async Task TeamsBeyondSuggestedActionLimits_ShowsAHeroCard(int count, string conversationType)
    {
        await CreateFlow(count, style: null, Channels.Msteams, conversationType)
            .Send("hi").AssertReply(a =>
            {
                Assert.Null(a.SuggestedActions);
                var card = Assert.Single(a.Attachments!);
                Assert.Equal(ChoiceFactory.HeroCardContentType, card.ContentType);
                Assert.Equal(Question, (string?)card.Content!["text"]);
                var buttons = card.Content["buttons"]!.AsArray();
                Assert.Equal(Services.Take(count), buttons.Select(b => (string?)b!["title"]));
                Assert.All(buttons, b => Assert.Equal(ActionTypes.ImBack, (string?)b!["type"]));
            })
            .Send("1").AssertReply("You picked Legal advice")
            .StartTestAsync();
    }

    [Fact]
    public async Task ChannelWithoutButtons_ListsTheChoicesInline()
    {
        await CreateFlow(3, style: null, channelId: "sms")
            .Send("hi").AssertReply($"{Question} 1. Legal advice, 2. Victim and family services, 3. Benefits")
            .Send("3").AssertReply("You picked Benefits")
            .StartTestAsync();
    }

    [Fact]
    public async Task DirectLine_ShowsSuggestedActions_AndTheRetryToo()
    {
        await CreateFlow(4, style: null, Channels.Directline)
            .Send("hi").AssertReply(a => Assert.Equal(4, a.SuggestedActions!.Actions.Count))
            .Send("pizza").AssertReply(a =>
            {
                Assert.Equal(Retry, a.Text);
                Assert.Equal(4, a.SuggestedActions!.Actions.Count);
            })
            .Send("Peer support").AssertReply("You picked Peer support")
            .StartTestAsync();
    }
}
