using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs;

public sealed class DialogContextTests
{
    private static WaterfallStep Say(string text) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(text, ct);
        return Dialog.EndOfTurn;
    };

    private static WaterfallDialog CreateGreeting() => new WaterfallDialog("greet",
    [
        Say("What's your name?"),
        async (step, ct) =>
        {
            await step.Context.SendActivityAsync($"Thanks {step.Result}", ct);
            return await step.EndDialogAsync(step.Result, ct);
        },
    ]);

    [Fact]
    public async Task RunAsync_BeginsContinuesAndEnds_ThenStartsOverOnTheNextMessage()
    {
        await new DialogTestFlow(CreateGreeting())
            .Send("hi").AssertReply("What's your name?")
            .AssertResult(r => Assert.Equal(DialogTurnStatus.Waiting, r.Status))
            .Send("Ana").AssertReply("Thanks Ana")
            .AssertResult(r => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "Ana"), r))
            .Send("hello again").AssertReply("What's your name?")
            .StartTestAsync();
    }

    [Fact]
    public async Task EndDialog_ChildResultFlowsToTheParentStep()
    {
        var child = new WaterfallDialog("child",
        [
            Say("Which town?"),
            (step, ct) => step.EndDialogAsync(((string)step.Result!).ToUpperInvariant(), ct),
        ]);
        var main = new WaterfallDialog("main",
        [
            (step, ct) => step.BeginDialogAsync("child", null, ct),
            async (step, ct) =>
            {
                await step.Context.SendActivityAsync($"Child said {step.Result}", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);

        await new DialogTestFlow(new TestComponent("root", main, child))
            .Send("hi").AssertReply("Which town?")
            .Send("Springfield").AssertReply("Child said SPRINGFIELD")
            .AssertResult(r => Assert.Equal(DialogTurnStatus.Complete, r.Status))
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_FindsDialogsRegisteredInAParentComponent()
    {
        // The prompt lives in the outer component; the inner component's waterfall still finds it.
        var inner = new TestComponent("inner", new WaterfallDialog("ask",
        [
            (step, ct) => step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessage("Your badge number?") }, ct),
            (step, ct) => step.EndDialogAsync(step.Result, ct),
        ]));
        var outer = new TestComponent("outer", inner, new TextPrompt("text"));

        await new DialogTestFlow(outer)
            .Send("hi").AssertReply("Your badge number?")
            .Send("4711").AssertResult(r => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "4711"), r))
            .StartTestAsync();
    }

    [Fact]
    public async Task BeginDialog_UnknownId_Throws()
    {
        var root = new WaterfallDialog("root", [(step, ct) => step.BeginDialogAsync("nowhere", null, ct)]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestFlow(root).Send("hi").StartTestAsync());
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceDialog_LoopsWithoutGrowingTheStack()
    {
        var loop = new WaterfallDialog("loop",
        [
            async (step, ct) =>
            {
                var count = step.GetOptions<int>();
                await step.Context.SendActivityAsync($"Item {count + 1}? (say done)", ct);
                step.SetValue("count", count);
                return Dialog.EndOfTurn;
            },
            (step, ct) => Equals(step.Result, "done")
                ? step.EndDialogAsync(step.GetValue<int>("count"), ct)
                : step.ReplaceDialogAsync("loop", step.GetValue<int>("count") + 1, ct),
        ]);
        var flow = new DialogTestFlow(loop);

        await flow
            .Send("hi").AssertReply("Item 1? (say done)")
            .Send("pen").AssertReply("Item 2? (say done)")
            .Send("notebook").AssertReply("Item 3? (say done)")
            .Send("done").AssertResult(r => Assert.Equal(2, r.Result))
            .StartTestAsync();
    }

    [Fact]
    public async Task ReplaceDialog_KeepsOnlyOneInstanceOnTheStoredStack()
    {
        var loop = new WaterfallDialog("loop", [Say("Again?"), (step, ct) => step.ReplaceDialogAsync("loop", null, ct)]);
        var flow = new DialogTestFlow(loop);
        await flow.Send("a").AssertReply("Again?").Send("b").AssertReply("Again?").Send("c").AssertReply("Again?").StartTestAsync();

        var stored = await flow.Store.ReadConversationAsync(flow.ChannelId, flow.ConversationId);
        Assert.Single(stored!["DialogState"]!["dialogStack"]!.AsArray());
    }

    [Fact]
    public async Task CancelAllDialogs_EndsEveryLevel_AndTheNextMessageStartsOver()
    {
        var child = new WaterfallDialog("child",
        [
            Say("Child asks"),
            (step, ct) => Equals(step.Result, "stop") ? step.CancelAllDialogsAsync(ct) : step.EndDialogAsync(null, ct),
        ]);
        var main = new WaterfallDialog("main", [(step, ct) => step.BeginDialogAsync("child", null, ct), Say("Parent resumed")]);
        var flow = new DialogTestFlow(new TestComponent("root", main, child));

        await flow
            .Send("hi").AssertReply("Child asks")
            .Send("stop").AssertNoReply()
            .Send("hi").AssertReply("Child asks")
            .StartTestAsync();
    }

    [Fact]
    public async Task CancelAllDialogs_OnTheRootStack_ReturnsCancelled()
    {
        var root = new WaterfallDialog("root", [Say("Go on"), (step, ct) => step.CancelAllDialogsAsync(ct)]);

        await new DialogTestFlow(root)
            .Send("hi").AssertReply("Go on")
            .Send("x").AssertResult(r => Assert.Equal(DialogTurnStatus.Cancelled, r.Status))
            .StartTestAsync();
    }
}
