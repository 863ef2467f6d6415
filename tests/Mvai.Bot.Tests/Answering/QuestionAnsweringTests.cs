using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Tests.Answering;

/// <summary>Questions get cited answers from the guidance in the same turn; safety comes before everything.</summary>
public sealed class QuestionAnsweringTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AFirstMessageQuestion_IsAnsweredInTheSameTurn_WithSources()
    {
        var chat = new Conversation(_host);

        var reply = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        Assert.Contains("Sources:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("https://", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.SuggestedActions!.Actions, a => a.Title == "Request MVAI assistance");
    }

    [Fact]
    public async Task InTeams_TheAnswerIsACardWithSourceLinks()
    {
        var chat = new Conversation(_host, channelId: Channels.Msteams);

        var reply = Assert.Single(await chat.SayAsync("one of my guys isnt sleeping since the shooting, what do we have for him?"));

        var card = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.ContentType);
        Assert.Contains("](https://", card.Content!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InWebChat_TheLeadIsShownOnce_InTheTextAndNotAgainOnTheCard()
    {
        var chat = new Conversation(_host, channelId: Channels.Webchat);

        var reply = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        var parts = reply.Text!.Split("\n\n");
        Assert.Equal(2, parts.Length);
        Assert.Matches(@"^\*\*.+\*\*$", parts[0]);
        var blocks = CardTexts(Assert.Single(reply.Attachments!));
        Assert.DoesNotContain(parts[1], blocks);
        Assert.DoesNotContain(parts[0].Trim('*'), blocks);
        Assert.StartsWith("• ", blocks[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InTeams_TheCardKeepsHeadlineAndLead_UnderTheLeadAsText()
    {
        var chat = new Conversation(_host, channelId: Channels.Msteams);

        var reply = Assert.Single(await chat.SayAsync("what do i tell the press in the first hour"));

        var blocks = CardTexts(Assert.Single(reply.Attachments!));
        Assert.Equal(reply.Text, blocks[1]);
        Assert.DoesNotContain("**", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActiveThreat_GetsCall911AtOnce_EvenInTheMiddleOfAnIntake()
    {
        var chat = new Conversation(_host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);

        var replies = await chat.SayAsync("there's a shooter in the building right now");

        // 911 first, then an advisor is brought in; the form stays where it was.
        Assert.Equal(SafetyReplies.ActiveThreat, replies[0].Text);
        Assert.Contains("alerted the on-call advisor", replies[^1].Text, StringComparison.Ordinal);
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);
    }

    [Fact]
    public async Task AResponderInCrisis_Gets988AndCopline()
    {
        var replies = await new Conversation(_host).SayAsync("one of my officers told me he wants to end it all");

        Assert.Contains("988", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("1-800-267-5463", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("alerted the on-call advisor", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATacticalQuestion_GetsAKindRefusal_NotInstructions()
    {
        var reply = Assert.Single(await new Conversation(_host).SayAsync("how should my team breach the door to get to the shooter"));

        Assert.DoesNotContain("Sources:", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Text == SafetyReplies.Tactical || reply.Text == SafetyReplies.ActiveThreat, reply.Text);
    }

    private static List<string> CardTexts(Attachment card) =>
        [.. card.Content!["body"]!.AsArray().Select(block => block!["text"]!.GetValue<string>())];
}
