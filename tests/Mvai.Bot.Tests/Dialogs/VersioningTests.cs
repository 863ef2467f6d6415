using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Builder;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs;

public sealed class VersioningTests
{
    private const string Apology = "I've been updated, so let's start again.";

    private static WaterfallStep Ask(string question) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(question, ct);
        return Dialog.EndOfTurn;
    };

    private static async Task ApologiseAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await turnContext.SendActivityAsync(Apology, cancellationToken);

    [Fact]
    public async Task ChangedStepList_DropsTheStoredStack_AndRestartsPolitely()
    {
        using var store = new DialogTestStore();
        var v1 = new TestComponent("intake", new WaterfallDialog("questions", [Ask("Name?"), Ask("Town?")]));
        var v2 = new TestComponent("intake", new WaterfallDialog("questions", [Ask("Badge number?"), Ask("Name?"), Ask("Town?")]));
        var first = new DialogTestFlow(v1, store);
        await first.Send("hi").AssertReply("Name?").StartTestAsync();

        await new DialogTestFlow(v2, store) { ConversationId = first.ConversationId, OnVersionChanged = ApologiseAsync }
            .Send("Ana").AssertReply(Apology).AssertReply("Badge number?")
            .AssertResult(r => Assert.True(r.VersionChanged))
            .Send("4711").AssertReply("Name?")
            .AssertResult(r => Assert.False(r.VersionChanged))
            .StartTestAsync();
    }

    [Fact]
    public async Task StoredDialogThatNoLongerExists_RestartsInsteadOfThrowing()
    {
        using var store = new DialogTestStore();
        var old = new WaterfallDialog("old-root", [Ask("Old question?"), Ask("More?")]);
        var first = new DialogTestFlow(old, store);
        await first.Send("hi").AssertReply("Old question?").StartTestAsync();

        await new DialogTestFlow(new WaterfallDialog("new-root", [Ask("New question?")]), store) { ConversationId = first.ConversationId }
            .Send("answer").AssertReply("New question?")
            .AssertResult(r => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Waiting) { VersionChanged = true }, r))
            .StartTestAsync();
    }

    [Fact]
    public async Task UnchangedDialogs_ContinueWhereTheyWere()
    {
        using var store = new DialogTestStore();
        WaterfallDialog Build() => new("w", [Ask("Name?"), Ask("Town?")]);
        var first = new DialogTestFlow(Build(), store);
        await first.Send("hi").AssertReply("Name?").StartTestAsync();

        await new DialogTestFlow(Build(), store) { ConversationId = first.ConversationId, OnVersionChanged = ApologiseAsync }
            .Send("Ana").AssertReply("Town?")
            .StartTestAsync();
    }
}
