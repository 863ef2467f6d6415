using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs;

public sealed class ComponentDialogTests
{
    private const string Form = HelpAndCancelComponent.NameQuestion;

    /// <summary>MainDialog: runs the form, reports its result, then replaces itself to start over.</summary>
    private static TestComponent CreateMain() => new(
        "main-component",
        new WaterfallDialog("main",
        [
            (step, ct) => step.BeginDialogAsync("form", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync(step.Result is string saved ? $"Saved: {saved}" : "Nothing saved.", ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]),
        new HelpAndCancelComponent());

    [Fact]
    public async Task InnerStack_RunsAcrossTurns_AndTheResultReachesTheParent()
    {
        await new DialogTestFlow(CreateMain())
            .Send("hi").AssertReply(Form)
            .Send("Ana").AssertReply(HelpAndCancelComponent.TownQuestion)
            .Send("Springfield").AssertReply("Saved: Ana from Springfield")
            .AssertResult(r => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Ana from Springfield"), r))
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_ExplainsAndReasksTheOriginalQuestion_KeepingEarlierAnswers()
    {
        await new DialogTestFlow(CreateMain())
            .Send("hi").AssertReply(Form)
            .Send("Ana").AssertReply(HelpAndCancelComponent.TownQuestion)
            .Send("help").AssertReply(HelpAndCancelComponent.HelpText).AssertReply(HelpAndCancelComponent.TownQuestion)
            .Send("?").AssertReply(HelpAndCancelComponent.HelpText).AssertReply(HelpAndCancelComponent.TownQuestion)
            .Send("Springfield").AssertReply("Saved: Ana from Springfield")
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_InsideALongerAnswer_IsAnAnswerNotAnInterruption()
    {
        await new DialogTestFlow(CreateMain())
            .Send("hi").AssertReply(Form)
            .Send("help wanted for SWAT").AssertReply(HelpAndCancelComponent.TownQuestion)
            .Send("Shelbyville").AssertReply("Saved: help wanted for SWAT from Shelbyville")
            .StartTestAsync();
    }

    [Fact]
    public async Task Cancel_EndsTheComponentWithNoResult_AndTheParentCarriesOn()
    {
        await new DialogTestFlow(CreateMain())
            .Send("hi").AssertReply(Form)
            .Send("Ana").AssertReply(HelpAndCancelComponent.TownQuestion)
            .Send("cancel").AssertReply(HelpAndCancelComponent.CancelledText).AssertReply("Nothing saved.")
            .AssertResult(r => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete), r))
            .Send("hi").AssertReply(Form)
            .StartTestAsync();
    }

    [Fact]
    public async Task Interruptions_DoNotFireOnBegin()
    {
        // The first message begins the root: "help" here is not intercepted, the form simply starts.
        await new DialogTestFlow(CreateMain()).Send("help").AssertReply(Form).StartTestAsync();
    }

    [Fact]
    public async Task GetVersion_ChangesWhenAnInnerWaterfallGainsAStep()
    {
        var before = new TestComponent("c", new WaterfallDialog("w", [(s, ct) => s.EndDialogAsync(null, ct)]));
        var after = new TestComponent("c", new WaterfallDialog("w", [(s, ct) => s.NextAsync(null, ct), (s, ct) => s.EndDialogAsync(null, ct)]));

        Assert.NotEqual(before.GetVersion(), after.GetVersion());
        Assert.Equal(before.GetVersion(), new TestComponent("c", new WaterfallDialog("w", [(s, ct) => s.EndDialogAsync(null, ct)])).GetVersion());
    }
}
