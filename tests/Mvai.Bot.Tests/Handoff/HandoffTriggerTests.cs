using Mvai.Bot.Assistant;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.Intake;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>Every way a conversation reaches a person, during advisor hours (Tuesday 10:00 in New York).</summary>
public sealed class HandoffTriggerTests : IAsyncLifetime
{
    private HandoffScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await HandoffScenario.StartAsync(HandoffScenario.TuesdayMorning);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task AskingForAPerson_QueuesTheConversation_WithItsHistory_AndSaysWhatHappensNext()
    {
        var chat = _scenario.NewChat();
        await chat.SayAsync("what do we tell the press in the first hour?");

        var replies = await chat.ExpectAsync("get me a real chief to talk to", "I'm connecting you with an MVAI advisor. You're next in line.");

        Assert.Contains("If nobody has joined within 10 minutes, I'll alert the on-call advisor", replies[^1].Text, StringComparison.Ordinal);
        var handoff = await _scenario.OpenCaseAsync(chat);
        Assert.Equal((HandoffReason.UserAsked, HandoffCaseState.Waiting), (handoff.Reason, handoff.State));
        var history = await _scenario.Store.GetMessagesAsync(handoff.Id, 0, default);
        Assert.Equal("what do we tell the press in the first hour?", history[0].Text);
        Assert.Equal(HandoffSender.User, history[0].Sender);
        Assert.Equal(HandoffSender.Bot, history[1].Sender);
    }

    [Fact]
    public async Task ASecondUserInLine_IsToldTheirPlace_AndAskingTwice_DoesNotQueueTwice()
    {
        await _scenario.NewChat("user-a").SayAsync("talk to someone");
        var chat = _scenario.NewChat("user-b");

        await chat.ExpectAsync("talk to an advisor", "I'm connecting you with an MVAI advisor. You're number 2 in line.");
        await chat.ExpectAsync("can I talk to a person", HandoffMessages.AlreadyWaiting);

        Assert.Equal(2, (await _scenario.Store.ListAsync(null, default)).Count);
    }

    [Fact]
    public async Task AResponderInCrisis_Gets988First_ThenAnAdvisor_AtCrisisPriority()
    {
        var chat = _scenario.NewChat();

        var replies = await chat.SayAsync("I can't do this anymore, I want to end it all");

        Assert.Equal(SafetyReplies.Distress, replies[0].Text);
        Assert.StartsWith("I'm connecting you with an MVAI advisor", replies[1].Text, StringComparison.Ordinal);
        var handoff = await _scenario.OpenCaseAsync(chat);
        Assert.Equal((HandoffReason.Distress, HandoffPriority.Crisis), (handoff.Reason, handoff.BasePriority));
    }

    [Fact]
    public async Task AnActiveThreat_GetsCall911First_ThenAnAdvisor_AtTopPriority_AndTheFormIsKept()
    {
        var chat = _scenario.NewChat();
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);

        var replies = await chat.SayAsync("there's a gunman in the school right now");

        Assert.Equal(SafetyReplies.ActiveThreat, replies[0].Text);
        var handoff = await _scenario.OpenCaseAsync(chat);
        Assert.Equal((HandoffReason.ActiveThreat, HandoffPriority.Danger), (handoff.Reason, handoff.BasePriority));
        Assert.Contains(handoff.Details, d => d.Value == "Pat Rivera");
        // Waiting for the advisor, the form goes on where it was.
        await chat.ExpectAsync("Chief", IntakeMessages.AskAgency);
    }

    [Fact]
    public async Task ThreeUnusableAnswers_HandTheFormToAPerson_WithTheAnswersSoFar()
    {
        var chat = _scenario.NewChat();
        await chat.ExpectAsync("Request MVAI assistance", IntakeMessages.AskName);
        await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskPhone));
        await chat.ExpectAsync("12", IntakeMessages.RetryPhone);
        await chat.ExpectAsync("34", IntakeMessages.RetryPhone);

        var replies = await chat.ExpectAsync("56", "I'm connecting you with an MVAI advisor.");

        Assert.Equal(IntakeMessages.GaveUp, replies[0].Text);
        var handoff = await _scenario.OpenCaseAsync(chat);
        Assert.Equal(HandoffReason.PromptGaveUp, handoff.Reason);
        Assert.Contains(handoff.Details, d => d.Key == "Agency" && d.Value.Length > 0);
    }

    [Fact]
    public async Task TwoQuestionsTheGuidanceCannotAnswer_BringAnOfferOfAPerson_AndYesQueuesIt()
    {
        var chat = _scenario.NewChat();
        await chat.SayAsync("how many parking spaces does the new precinct need");

        var second = await chat.SayAsync("how many parking spots will our new precinct building need");

        Assert.Equal(HandoffMessages.OfferAfterLowConfidence, second[^1].Text);
        await chat.ExpectAsync("yes", "I'm connecting you with an MVAI advisor.");
        Assert.Equal(HandoffReason.LowConfidence, (await _scenario.OpenCaseAsync(chat)).Reason);
    }

    [Fact]
    public async Task AfterAStoredRequest_AnAdvisorOnDutyIsOffered_AndTheCaseCarriesTheRequest()
    {
        var chat = _scenario.NewChat();
        await chat.ExpectAsync("Request MVAI assistance", IntakeMessages.AskName);
        await chat.AnswerAsync();

        var received = await chat.ExpectAsync(IntakeMessages.Confirm, HandoffMessages.OfferAfterIntake);
        await chat.ExpectAsync(HandoffMessages.YesConnectMe, "I'm connecting you with an MVAI advisor.");

        var handoff = await _scenario.OpenCaseAsync(chat);
        Assert.Equal(HandoffReason.AfterIntake, handoff.Reason);
        Assert.NotNull(handoff.RequestReference);
        Assert.Contains(handoff.RequestReference!, received[0].Text, StringComparison.Ordinal);
        Assert.Contains(handoff.Details, d => d.Key == "Agency");
    }

    [Fact]
    public async Task AnOfferDeclined_QueuesNothing()
    {
        var chat = _scenario.NewChat();
        await chat.ExpectAsync("Request MVAI assistance", IntakeMessages.AskName);
        await chat.AnswerAsync();
        await chat.ExpectAsync(IntakeMessages.Confirm, HandoffMessages.OfferAfterIntake);

        await chat.ExpectAsync(HandoffMessages.NoThanks, HandoffMessages.OfferDeclined);

        Assert.Null(await _scenario.Store.FindOpenAsync("test", chat.Id, default));
    }

    [Fact]
    public async Task LeavingTheQueue_ClosesTheCase_AndTheBotCarriesOn()
    {
        var chat = _scenario.NewChat();
        await chat.SayAsync(AssistantMessages.TalkToAdvisor);
        var handoff = await _scenario.OpenCaseAsync(chat);

        await chat.ExpectAsync(HandoffMessages.LeaveQueue, HandoffMessages.LeftQueue);

        Assert.Equal(HandoffCaseState.Closed, (await _scenario.Store.GetAsync(handoff.Id, default))!.State);
        await chat.ExpectAsync("hello", AssistantMessages.Fallback);
    }
}
