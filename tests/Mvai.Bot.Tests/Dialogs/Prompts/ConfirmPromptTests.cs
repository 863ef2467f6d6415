using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs.Prompts;

public sealed class ConfirmPromptTests
{
    private const string Question = "Shall I pass this to an advisor?";

    private static DialogTestFlow CreateFlow(ListStyle? style = null) => new(PromptHost.Create(
        new ConfirmPrompt("confirm"),
        () => new PromptOptions { Prompt = Activity.CreateMessage(Question), Style = style },
        r => (bool)r! ? "Passing it on." : "Okay, I won't."));

    [Theory]
    [InlineData("yes")]
    [InlineData("Yeah!")]
    [InlineData("yep")]
    [InlineData("y")]
    [InlineData("sure")]
    [InlineData("ok")]
    [InlineData("That's right")]
    [InlineData("yes please")]
    [InlineData("1")]
    public async Task Yes(string answer) =>
        await CreateFlow(ListStyle.None).Send("hi").AssertReply(Question).Send(answer).AssertReply("Passing it on.").StartTestAsync();

    [Theory]
    [InlineData("no")]
    [InlineData("Nope.")]
    [InlineData("nah")]
    [InlineData("n")]
    [InlineData("no thanks")]
    [InlineData("not really")]
    [InlineData("2")]
    public async Task No(string answer) =>
        await CreateFlow(ListStyle.None).Send("hi").AssertReply(Question).Send(answer).AssertReply("Okay, I won't.").StartTestAsync();

    [Theory]
    [InlineData("maybe")]
    [InlineData("not sure")]
    [InlineData("3")]
    public async Task NeitherYesNorNo_AsksAgain(string answer) =>
        await CreateFlow(ListStyle.None)
            .Send("hi").AssertReply(Question)
            .Send(answer).AssertReply(Question)
            .Send("yes").AssertReply("Passing it on.")
            .StartTestAsync();

    [Fact]
    public async Task RendersYesAndNoAsSuggestedActions_OnChannelsThatHaveThem()
    {
        await CreateFlow()
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal(Question, a.Text);
                Assert.Equal(InputHints.ExpectingInput, a.InputHint);
                Assert.Equal(["Yes", "No"], a.SuggestedActions!.Actions.Select(x => x.Title));
                Assert.All(a.SuggestedActions.Actions, x => Assert.Equal(ActionTypes.ImBack, x.Type));
            })
            .Send("Yes").AssertReply("Passing it on.")
            .StartTestAsync();
    }

    [Fact]
    public async Task InlineStyle_NumbersTheOptions()
    {
        await CreateFlow(ListStyle.Inline)
            .Send("hi").AssertReply($"{Question} 1. Yes, 2. No")
            .Send("2").AssertReply("Okay, I won't.")
            .StartTestAsync();
    }
}
