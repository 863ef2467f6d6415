using Mvai.Bot.Assistant;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>Help, change, cancel, "talk to a person" and the active-scene stop, mid-intake.</summary>
public sealed class IntakeInterruptionTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Help_ExplainsTheQuestion_AndAsksItAgain()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskPhone);

        var replies = await chat.ExpectAsync("help", IntakeMessages.AskPhone);

        Assert.Equal(IntakeMessages.Help(IntakeMessages.AskPhone), replies[0].Text);
        await chat.ExpectAsync("555-234-0100", IntakeMessages.AskEmail);
    }

    [Fact]
    public async Task AQuestionMidIntake_IsAnsweredFromTheGuidance_ThenTheQuestionIsAskedAgain()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskPhone);

        var replies = await chat.ExpectAsync("what's a family assistance center?", IntakeMessages.AskPhone);

        Assert.Contains("Sources:", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("family", replies[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["Request MVAI assistance", "Talk to an advisor"], replies[0].SuggestedActions!.Actions.Select(a => a.Title));
        Assert.DoesNotContain("You can also ask about", replies[0].Text, StringComparison.Ordinal);
        await chat.ExpectAsync("555-234-0100", IntakeMessages.AskEmail);
    }

    [Fact]
    public async Task AnAnswerThatMerelyContainsHelp_IsAnAnswer()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskDetails);

        await chat.ExpectAsync("we need help with the media tonight", IntakeMessages.AskConsent);
    }

    [Fact]
    public async Task Cancel_AsksForConfirmation_ThenEndsWithNothingStored()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskEmail);

        await chat.ExpectAsync("cancel", IntakeMessages.CancelConfirm);
        await chat.ExpectAsync("yes", IntakeMessages.Cancelled);

        await chat.ExpectAsync("hello", AssistantMessages.Fallback);
    }

    [Fact]
    public async Task Cancel_ThenNo_ContinuesWhereItWas()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskEmail);

        await chat.ExpectAsync("start over", IntakeMessages.CancelConfirm);
        await chat.ExpectAsync("no", IntakeMessages.AskEmail);
        await chat.ExpectAsync("chief@springfield-pd.gov", IntakeMessages.AskContactMethod);
    }

    [Fact]
    public async Task TalkToAPerson_EndsTheForm_AndContinueMyRequest_PicksUpAtTheSameQuestion()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskIncidentType);

        await chat.ExpectAsync("can I talk to a person", Mvai.Bot.Handoff.TriageDialog.AskDanger);
        await chat.ExpectAsync("leave the queue", Mvai.Bot.Handoff.HandoffMessages.LeftQueue);

        await chat.ExpectAsync("continue my request", IntakeMessages.AskIncidentType);
    }

    [Fact]
    public async Task ChangeSomething_ReasksOnlyThatField_ThenShowsTheSummaryAgain()
    {
        var chat = await StartedAsync();
        await chat.AnswerAsync();

        await chat.ExpectAsync(IntakeMessages.Change, IntakeMessages.AskWhichField);
        await chat.ExpectAsync("Email", IntakeMessages.AskEmail);
        var summary = await chat.ExpectAsync("pio@springfield-pd.gov", IntakeMessages.AskSummaryAction);
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");

        Assert.Contains("Email: pio@springfield-pd.gov", summary[0].Text, StringComparison.Ordinal);
        var stored = await _host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(ReferenceNumbers.Find(received[^1].Text)!, default);
        Assert.Equal(("pio@springfield-pd.gov", "Pat Rivera"), (stored!.Request.Email, stored.Request.RequesterName));
    }

    [Fact]
    public async Task ActiveScene_StopsWithCall911_AndTheRequestCanContinueLater()
    {
        var chat = await StartedAsync(until: IntakeMessages.AskSceneActive);

        var stop = await chat.SayAsync("yes");
        Assert.Equal(IntakeMessages.SceneActiveStop, stop[0].Text);
        Assert.Contains("call 911", stop[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("MVAI advisors are not on duty right now", stop[^1].Text, StringComparison.Ordinal);
        await chat.ExpectAsync("hello", AssistantMessages.Fallback);

        await chat.ExpectAsync("continue my request", IntakeMessages.AskSceneActive);
        await chat.ExpectAsync("no", IntakeMessages.AskKilled);
    }

    [Fact]
    public async Task SummaryCancel_IsConfirmed_ThenEndsWithoutStoring()
    {
        var chat = await StartedAsync();
        await chat.AnswerAsync();

        await chat.ExpectAsync(IntakeMessages.Cancel, IntakeMessages.CancelConfirm);
        await chat.ExpectAsync("yes", IntakeMessages.Cancelled);

        Assert.Null(await _host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(ReferenceNumbers.Format(DateTime.UtcNow.Year, 1), default));
    }

    private async Task<Conversation> StartedAsync(string? until = null)
    {
        var chat = new Conversation(_host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        if (until is not null)
        {
            await chat.AnswerAsync(until: IntakeScript.IndexOf(until));
        }
        return chat;
    }
}
