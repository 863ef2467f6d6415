using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs;

public sealed class WaterfallDialogTests
{
    private static WaterfallStep Ask(string question) => async (step, ct) =>
    {
        await step.Context.SendActivityAsync(question, ct);
        return Dialog.EndOfTurn;
    };

    [Fact]
    public async Task Values_PersistAcrossTurnsAsPlainJson()
    {
        var form = new WaterfallDialog("form",
        [
            Ask("Name?"),
            async (step, ct) =>
            {
                step.SetValue("name", (string)step.Result!);
                step.SetValue("asked", new List<string> { "name" });
                return await Ask("Town?")(step, ct);
            },
            async (step, ct) =>
            {
                var asked = step.GetValue<List<string>>("asked")!;
                await step.Context.SendActivityAsync($"{step.GetValue<string>("name")} from {step.Result} ({asked.Count} earlier answer, step {step.Index})", ct);
                return await step.EndDialogAsync(null, ct);
            },
        ]);
        var flow = new DialogTestFlow(form);

        await flow.Send("hi").AssertReply("Name?").Send("Ana").AssertReply("Town?").StartTestAsync();

        // Between turns the stack is plain JSON in SQLite: no type names, the step index a bare number.
        var stored = await flow.Store.ReadConversationAsync(flow.ChannelId, flow.ConversationId);
        var instance = stored!["DialogState"]!["dialogStack"]![0]!;
        Assert.Equal("form", (string?)instance["id"]);
        Assert.Equal("form:3", (string?)instance["version"]);
        Assert.Equal(1, (int)instance["state"]!["stepIndex"]!);
        Assert.Equal("Ana", (string?)instance["state"]!["values"]!["name"]);
        Assert.DoesNotContain("$type", stored.ToJsonString(), StringComparison.Ordinal);

        await new DialogTestFlow(form, flow.Store) { ConversationId = flow.ConversationId }
            .Send("Springfield").AssertReply("Ana from Springfield (1 earlier answer, step 2)")
            .StartTestAsync();
    }

    [Fact]
    public async Task Continue_IgnoresNonMessageActivities()
    {
        var flow = new DialogTestFlow(new WaterfallDialog("w", [Ask("Name?"), (step, ct) => step.EndDialogAsync(step.Result, ct)]));

        await flow
            .Send("hi").AssertReply("Name?")
            .Send(() => flow.NewActivity(ActivityTypes.Typing)).AssertNoReply()
            .AssertResult(r => Assert.Equal(DialogTurnStatus.Waiting, r.Status))
            .Send(() => flow.NewActivity(ActivityTypes.Event)).AssertNoReply()
            .Send("Ana").AssertResult(r => Assert.Equal("Ana", r.Result))
            .StartTestAsync();
    }

    [Fact]
    public async Task NextAsync_SkipsToTheNextStepInTheSameTurn_WithTheGivenResult()
    {
        var reasons = new List<DialogReason>();
        var waterfall = new WaterfallDialog("w",
        [
            (step, ct) =>
            {
                reasons.Add(step.Reason);
                return step.NextAsync("known already", ct);
            },
            async (step, ct) =>
            {
                reasons.Add(step.Reason);
                await step.Context.SendActivityAsync($"Step {step.Index} got '{step.Result}'", ct);
                return await step.EndDialogAsync(step.Result, ct);
            },
        ]);

        await new DialogTestFlow(waterfall)
            .Send("hi").AssertReply("Step 1 got 'known already'")
            .AssertResult(r => Assert.Equal(DialogTurnStatus.Complete, r.Status))
            .StartTestAsync();
        Assert.Equal([DialogReason.BeginCalled, DialogReason.NextCalled], reasons);
    }

    [Fact]
    public async Task NextAsync_CalledTwiceInOneStep_Throws()
    {
        var waterfall = new WaterfallDialog("w",
        [
            async (step, ct) =>
            {
                await step.NextAsync(null, ct);
                return await step.NextAsync(null, ct);
            },
            Ask("Second"),
        ]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new DialogTestFlow(waterfall).Send("hi").StartTestAsync());
    }

    [Fact]
    public async Task PastTheLastStep_TheLastResultBecomesTheDialogResult()
    {
        var waterfall = new WaterfallDialog("w", [Ask("Say something")]);

        await new DialogTestFlow(waterfall)
            .Send("hi").AssertReply("Say something")
            .Send("bye").AssertResult(r => Assert.Equal(new DialogTurnResult(DialogTurnStatus.Complete, "bye"), r))
            .StartTestAsync();
    }

    [Fact]
    public async Task TypedState_IsSeededFromOptions_SkipsKnownAnswers_AndRoundTrips()
    {
        var form = new WaterfallDialog<IncidentForm>("incident",
        [
            (step, ct) => step.GetState<IncidentForm>().Town is null
                ? step.PromptAsync("text", new PromptOptions { Prompt = Activity.CreateMessage("Which town?") }, ct)
                : step.NextAsync(null, ct),
            (step, ct) =>
            {
                var form = step.GetState<IncidentForm>();
                form.Town ??= (string)step.Result!;
                return step.PromptAsync("number", new PromptOptions { Prompt = Activity.CreateMessage("How many officers?") }, ct);
            },
            (step, ct) =>
            {
                step.GetState<IncidentForm>().Officers = (int)step.Result!;
                return step.EndDialogAsync(step.GetState<IncidentForm>(), ct);
            },
        ]);
        var main = new WaterfallDialog("main",
        [
            (step, ct) => step.BeginDialogAsync("incident", new IncidentForm { Town = "Springfield" }, ct),
            async (step, ct) =>
            {
                var result = (IncidentForm)step.Result!;
                await step.Context.SendActivityAsync($"{result.Town}: {result.Officers} officers", ct);
                return await step.EndDialogAsync(result, ct);
            },
        ]);

        await new DialogTestFlow(new TestComponent("root", main, form, new TextPrompt("text"), new NumberPrompt<int>("number")))
            .Send("hi").AssertReply("How many officers?")
            .Send("twelve").AssertReply("Springfield: 12 officers")
            .StartTestAsync();
    }

    /// <summary>A typed record accumulated across steps.</summary>
    public sealed class IncidentForm
    {
        public string? Town { get; set; }
        public int? Officers { get; set; }
    }
}
