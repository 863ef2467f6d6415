using Mvai.Bot.Assistant;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>The intake as chiefs live it, through /api/messages with expectReplies, on a real SQLite database.</summary>
public sealed class IntakeTranscriptTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task HappyPath_StoresTheRequest_BeforeSayingItWasReceived()
    {
        var chat = new Conversation(_host);

        var opening = await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        Assert.Equal(IntakeMessages.Start, opening[0].Text);
        await chat.AnswerAsync();
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");

        var reference = ReferenceNumbers.Find(received[^1].Text)!;
        var stored = await _host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default);
        Assert.NotNull(stored);
        var request = stored.Request;
        Assert.Equal(("Pat Rivera", "Chief of Police", "Springfield Police Department"), (request.RequesterName, request.RequesterTitle, request.AgencyName));
        Assert.Equal((AgencyType.MunicipalPolice, "Springfield", "IL"), (request.AgencyType, request.City, request.State));
        Assert.Equal(("(555) 234-0100", "chief@springfield-pd.gov", ContactMethod.Phone), (request.Phone, request.Email, request.PreferredContact));
        Assert.Equal((IncidentType.Shooting, false, 3, -1), (request.IncidentType, request.SceneStillActive, request.Killed, request.Injured));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now.AddDays(-1)), request.IncidentDate);
        Assert.Equal([HelpKind.MediaAndPublicInformation, HelpKind.OfficerWellness], request.HelpNeeded);
        Assert.Equal((Urgency.ThisWeek, string.Empty, true), (request.Urgency, request.AdditionalDetails, request.ConsentToShare));
        Assert.Equal(chat.Id, stored.ConversationReference.Conversation!.Id);
        Assert.Contains("by phone at (555) 234-0100", received[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstMessage_PrefillsWhatItAlreadySays_AndThoseQuestionsAreNotAsked()
    {
        var chat = new Conversation(_host);
        var asked = new List<string>();

        await chat.ExpectAsync("We had a shooting last night in Springfield, IL and we need MVAI support. Springfield Police Department here.", IntakeMessages.AskName);
        foreach (var answer in new[] { "Pat Rivera", "Chief", "Municipal police", "555-234-0100", "chief@springfield-pd.gov", "Phone", "no", "2", "5", "media", "Today", "no", "yes" })
        {
            asked.Add((await chat.SayAsync(answer))[^1].Text!);
        }

        Assert.DoesNotContain(asked, q => q.StartsWith(IntakeMessages.AskLocation, StringComparison.Ordinal)
            || q.StartsWith(IntakeMessages.AskIncidentType, StringComparison.Ordinal)
            || q.StartsWith(IntakeMessages.AskIncidentDate, StringComparison.Ordinal)
            || q.StartsWith(IntakeMessages.AskAgency, StringComparison.Ordinal));
        Assert.StartsWith(IntakeMessages.AskSummaryAction, asked[^1], StringComparison.Ordinal);
        // Needed today, after hours: the on-call advisor is alerted right after the request is stored.
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "MVAI advisors are not on duty right now");
        Assert.StartsWith("Your request has been received", received[0].Text, StringComparison.Ordinal);
        var stored = await _host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(ReferenceNumbers.Find(received[0].Text)!, default);
        Assert.Equal(("Springfield", "IL", IncidentType.Shooting), (stored!.Request.City, stored.Request.State, stored.Request.IncidentType));
        Assert.Equal("Springfield Police Department", stored.Request.AgencyName);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now.AddDays(-1)), stored.Request.IncidentDate);
    }

    [Theory]
    [InlineData(IntakeMessages.AskLocation, "Paris, France", IntakeMessages.RetryLocation)]
    [InlineData(IntakeMessages.AskPhone, "call the front desk", IntakeMessages.RetryPhone)]
    [InlineData(IntakeMessages.AskEmail, "chief at springfield", IntakeMessages.RetryEmail)]
    [InlineData(IntakeMessages.AskIncidentDate, "next year", IntakeMessages.RetryIncidentDate)]
    [InlineData(IntakeMessages.AskKilled, "lots", IntakeMessages.RetryCount)]
    [InlineData(IntakeMessages.AskHelpNeeded, "pizza", IntakeMessages.RetryHelpNeeded)]
    [InlineData(IntakeMessages.AskName, "42", IntakeMessages.RetryName)]
    [InlineData(IntakeMessages.AskAgencyType, "spaceship", "Please choose one of the options")]
    public async Task NonsenseAnswer_GetsAHelpfulRetry_ThenAGoodAnswerMovesOn(string question, string nonsense, string retry)
    {
        var chat = new Conversation(_host);
        await chat.ExpectAsync("Request MVAI assistance", IntakeMessages.AskName);
        var index = question == IntakeMessages.AskName ? 0 : IntakeScript.IndexOf(question);
        await chat.AnswerAsync(until: index);

        await chat.ExpectAsync(nonsense, retry);
        await chat.ExpectAsync(IntakeScript.FullIntake[index].Answer, IntakeScript.FullIntake[index].NextQuestion);
    }

    [Fact]
    public async Task ThreeBadAnswers_StopTheIntake_AndOfferAnAdvisor()
    {
        var chat = new Conversation(_host);
        await chat.ExpectAsync("Request MVAI assistance", IntakeMessages.AskName);
        await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskPhone));

        await chat.ExpectAsync("12", IntakeMessages.RetryPhone);
        await chat.ExpectAsync("34", IntakeMessages.RetryPhone);
        var gaveUp = await chat.ExpectAsync("56", Mvai.Bot.Handoff.TriageDialog.AskDanger);

        Assert.Equal(IntakeMessages.GaveUp, gaveUp[0].Text);
        await chat.ExpectAsync("leave the queue", Mvai.Bot.Handoff.HandoffMessages.LeftQueue);
        await chat.ExpectAsync("hello", AssistantMessages.Fallback);
    }
}
