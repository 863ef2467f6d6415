using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Teams;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Teams;

/// <summary>Channel posts that @mention the bot, and the buttons Teams can show, with the Playground's captured activities.</summary>
public sealed class TeamsMessageTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ChannelPost_MentioningTheBot_IsUnderstoodWithoutTheMention()
    {
        var chat = new TeamsChat(_host, inChannel: true);

        var replies = await chat.SayAsync("We need MVAI help");

        Assert.Equal(IntakeMessages.Start, replies[0].Text);
        Assert.StartsWith(IntakeMessages.AskName, Intake.IntakeScript.Said(replies[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelPost_MentioningTheBotAndAColleague_KeepsTheColleaguesMention()
    {
        var chat = new TeamsChat(_host, inChannel: true);
        var post = chat.Message("please loop in <at>Sgt Lee</at>");
        post.Entities!.Add(ProtocolJson.ParseActivity(
            """{"type":"message","entities":[{"type":"mention","mentioned":{"id":"29:lee","name":"Sgt Lee"},"text":"<at>Sgt Lee</at>"}]}"""u8)!.Entities![0]);

        Assert.Equal("please loop in <at>Sgt Lee</at>", post.RemoveRecipientMention());
    }

    [Fact]
    public async Task AnsweredQuestion_InAChannel_PutsTheNextStepsOnAHeroCard()
    {
        var chat = new TeamsChat(_host, inChannel: true);

        var answer = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        Assert.Null(answer.SuggestedActions);
        Assert.Equal(["application/vnd.microsoft.card.adaptive", ChoiceFactory.HeroCardContentType], answer.Attachments!.Select(a => a.ContentType));
        Assert.Equal(
            [AssistantMessages.RequestAssistance, AssistantMessages.TalkToAdvisor],
            answer.Attachments![1].Content!["buttons"]!.AsArray().Select(b => b!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnsweredQuestion_InAPersonalChat_KeepsItsTwoSuggestedActions()
    {
        var chat = new TeamsChat(_host);

        var answer = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        Assert.Equal([AssistantMessages.RequestAssistance, AssistantMessages.TalkToAdvisor], answer.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(answer.Attachments!).ContentType);
    }

    [Theory]
    [InlineData("personal", 3, false)]
    [InlineData("personal", 4, true)]
    [InlineData("groupChat", 1, true)]
    [InlineData("channel", 2, true)]
    public void SuggestedActions_BecomeACard_WhereTeamsCannotShowThem(string conversationType, int buttons, bool becomesCard)
    {
        var message = Activity.CreateMessage("Pick one");
        message.SuggestedActions = new SuggestedActions { Actions = [.. Enumerable.Range(1, buttons).Select(i => CardAction.ImBack($"Option {i}"))] };

        TeamsSuggestedActionsMiddleware.MoveUnsupportedSuggestedActionsToCard(message, conversationType);

        Assert.Equal(becomesCard, message.SuggestedActions is null);
        Assert.Equal(becomesCard ? buttons : 0, message.Attachments?.Single().Content!["buttons"]!.AsArray().Count ?? 0);
        Assert.Equal("Pick one", message.Text);
    }

    [Fact]
    public async Task ActionExecute_WithTheSummaryCardsData_ConfirmsTheRequest_AndAnswersTheInvokeInTheBody()
    {
        await using var connector = await ChannelConnectorServer.StartAsync();
        var chat = new Conversation(_host, channelId: Channels.Msteams);
        await Intake.IntakeScript.ExpectAsync(chat, "We need MVAI help", IntakeMessages.AskName);
        await Intake.IntakeScript.AnswerAsync(chat);

        // The Playground's captured Action.Execute, carrying the summary card's Confirm data, in this conversation.
        var execute = new TeamsChat(_host, serviceUrl: connector.ServiceUrl).FromCapture("05-invoke-adaptiveCard-action.json");
        var template = chat.NewActivity(ActivityTypes.Message);
        (execute.Conversation, execute.From, execute.Recipient) = (template.Conversation, template.From, template.Recipient);
        execute.Value!["action"]!["data"] = new JsonObject { [IntakeSummary.ActionKey] = IntakeMessages.Confirm };
        using var response = await _host.PostActivityAsync(execute);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((200, "application/vnd.microsoft.activity.message", AssistantMessages.CardActionReceived),
            (body["statusCode"]!.GetValue<int>(), body["type"]!.GetValue<string>(), body["value"]!.GetValue<string>()));
        var sent = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.StartsWith("Your request has been received", JsonNode.Parse(sent.Body)!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
