using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Dialogs.Testing;

namespace Mvai.Bot.Tests.Dialogs.Prompts;

public sealed class PromptValidationTests
{
    private const string Question = "How old are you?";
    private const string Retry = "Please give an age between 1 and 120.";

    private static PromptOptions AgeOptions(int? maxAttempts = null) => new()
    {
        Prompt = Activity.CreateMessage(Question),
        RetryPrompt = Activity.CreateMessage(Retry),
        MaxAttempts = maxAttempts,
    };

    private static string Describe(object? result) => result switch
    {
        PromptGaveUp gaveUp => $"Gave up after {gaveUp.AttemptCount} tries (last: {gaveUp.LastText}); let me find a person.",
        _ => $"Age {result}",
    };

    [Fact]
    public async Task Begin_SendsThePromptExpectingInput()
    {
        var root = PromptHost.Create(new TextPrompt("text"), () => new PromptOptions { Prompt = Activity.CreateMessage("Name?") }, r => $"Hi {r}");

        await new DialogTestFlow(root)
            .Send("hi").AssertReply(a =>
            {
                Assert.Equal("Name?", a.Text);
                Assert.Equal(InputHints.ExpectingInput, a.InputHint);
            })
            .Send("Ana").AssertReply("Hi Ana")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_SeesEachAttempt_AndInvalidAnswersGetTheRetryPrompt()
    {
        var attempts = new List<(int Attempt, bool Recognized)>();
        var prompt = new NumberPrompt<int>("age", (ctx, _) =>
        {
            attempts.Add((ctx.AttemptCount, ctx.Recognized.Succeeded));
            return Task.FromResult(ctx.Recognized.Succeeded && ctx.Recognized.Value is >= 1 and <= 120);
        });

        await new DialogTestFlow(PromptHost.Create(prompt, () => AgeOptions(), Describe))
            .Send("hi").AssertReply(Question)
            .Send("200").AssertReply(Retry)
            .Send("old enough").AssertReply(Retry)
            .Send("twenty five").AssertReply("Age 25")
            .StartTestAsync();
        Assert.Equal([(1, true), (2, false), (3, true)], attempts);
    }

    [Fact]
    public async Task Validator_ThatRepliesItself_SuppressesTheRetryPrompt()
    {
        var prompt = new NumberPrompt<int>("age", async (ctx, ct) =>
        {
            if (ctx.Recognized.Value > 120)
            {
                await ctx.Context.SendActivityAsync("That seems a little old!", ct);
                return false;
            }
            return ctx.Recognized.Succeeded;
        });

        await new DialogTestFlow(PromptHost.Create(prompt, () => AgeOptions(), Describe))
            .Send("hi").AssertReply(Question)
            .Send("300").AssertReply("That seems a little old!")
            .Send("abc").AssertReply(Retry)
            .Send("42").AssertReply("Age 42")
            .StartTestAsync();
    }

    [Fact]
    public async Task Validator_CanChangeTheValue()
    {
        var prompt = new TextPrompt("text", (ctx, _) =>
        {
            ctx.Recognized.Value = ctx.Recognized.Value?.Trim().ToUpperInvariant();
            return Task.FromResult(ctx.Recognized.Succeeded);
        });

        await new DialogTestFlow(PromptHost.Create(prompt, () => new PromptOptions { Prompt = Activity.CreateMessage("Callsign?") }, r => $"Callsign {r}"))
            .Send("hi").AssertReply("Callsign?")
            .Send("  alpha one ").AssertReply("Callsign ALPHA ONE")
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_EndsWithAGaveUpResultTheCallerCanDetect()
    {
        await new DialogTestFlow(PromptHost.Create(new NumberPrompt<int>("age"), () => AgeOptions(maxAttempts: 3), Describe))
            .Send("hi").AssertReply(Question)
            .Send("no idea").AssertReply(Retry)
            .Send("why?").AssertReply(Retry)
            .Send("pass").AssertReply("Gave up after 3 tries (last: pass); let me find a person.")
            .AssertResult(r => Assert.IsType<PromptGaveUp>(r.Result))
            .StartTestAsync();
    }

    [Fact]
    public async Task MaxAttempts_AValidAnswerOnTheLastTryStillCounts()
    {
        await new DialogTestFlow(PromptHost.Create(new NumberPrompt<int>("age"), () => AgeOptions(maxAttempts: 2), Describe))
            .Send("hi").AssertReply(Question)
            .Send("no idea").AssertReply(Retry)
            .Send("33").AssertReply("Age 33")
            .StartTestAsync();
    }

    [Fact]
    public async Task NoRetryPrompt_RepeatsThePrompt()
    {
        var root = PromptHost.Create(new NumberPrompt<int>("n"), () => new PromptOptions { Prompt = Activity.CreateMessage("A number?") }, r => $"Got {r}");

        await new DialogTestFlow(root)
            .Send("hi").AssertReply("A number?")
            .Send("none").AssertReply("A number?")
            .Send("7").AssertReply("Got 7")
            .StartTestAsync();
    }

    [Fact]
    public async Task NonMessageActivities_LeaveThePromptWaiting_WithoutCountingAnAttempt()
    {
        var attempts = new List<int>();
        var prompt = new TextPrompt("text", (ctx, _) =>
        {
            attempts.Add(ctx.AttemptCount);
            return Task.FromResult(ctx.Recognized.Succeeded);
        });
        var flow = new DialogTestFlow(PromptHost.Create(prompt, () => new PromptOptions { Prompt = Activity.CreateMessage("Name?") }, r => $"Hi {r}"));

        await flow
            .Send("hi").AssertReply("Name?")
            .Send(() => flow.NewActivity(ActivityTypes.ConversationUpdate)).AssertNoReply()
            .Send("Ana").AssertReply("Hi Ana")
            .StartTestAsync();
        Assert.Equal([1], attempts);
    }

    [Fact]
    public async Task TextPrompt_BlankMessage_IsNotAnAnswer()
    {
        var flow = new DialogTestFlow(PromptHost.Create(new TextPrompt("text"), () => new PromptOptions { Prompt = Activity.CreateMessage("Name?") }, r => $"Hi {r}"));

        await flow
            .Send("hi").AssertReply("Name?")
            .Send("   ").AssertReply("Name?")
            .Send("Ana").AssertReply("Hi Ana")
            .StartTestAsync();
    }
}
