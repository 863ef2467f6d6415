using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>Nothing is lost: restarts, long pauses, storage failures; and references answer only their owner.</summary>
public sealed class IntakeDurabilityTests
{
    [Fact]
    public async Task AnAppRestartMidIntake_ContinuesAtTheSameQuestion()
    {
        const string conversationId = "conv-restart-intake";
        string database;
        await using (var before = await BotTestHost.StartAsync())
        {
            database = before.DatabasePath;
            var chat = new Conversation(before, conversationId: conversationId);
            await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
            await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskPhone));
        }

        await using var after = await BotTestHost.StartAsync(databasePath: database);
        var resumed = new Conversation(after, conversationId: conversationId);
        await resumed.AnswerAsync(IntakeScript.IndexOf(IntakeMessages.AskPhone));
        var received = await resumed.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");

        var stored = await after.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(ReferenceNumbers.Find(received[^1].Text)!, default);
        Assert.Equal(("Pat Rivera", "Springfield", "(555) 234-0100"), (stored!.Request.RequesterName, stored.Request.City, stored.Request.Phone));
    }

    [Fact]
    public async Task ComingBackHoursLater_IsRemindedWhereTheyStopped_BeforeAnythingIsTakenAsAnAnswer()
    {
        var clock = new ManualClock();
        await using var host = await BotTestHost.StartAsync(configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var chat = new Conversation(host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskEmail));

        clock.Advance(TimeSpan.FromHours(5));
        var replies = await chat.ExpectAsync("hi again", IntakeMessages.AskEmail);

        Assert.Equal(IntakeMessages.WelcomeBack, replies[0].Text);
        await chat.ExpectAsync("chief@springfield-pd.gov", IntakeMessages.AskContactMethod);
    }

    [Fact]
    public async Task WhenTheRequestCannotBeStored_TheUserIsNeverToldItWasReceived_AndLosesNoAnswers()
    {
        var store = new UnreliableStore();
        await using var host = await BotTestHost.StartAsync(configure: b => b.Services.AddSingleton<IAssistanceRequestStore>(sp =>
            store.Wrap(new AssistanceRequestStore(new BotFramework.State.SqliteStorage($"Data Source={Path.GetTempFileName()}").Migrated(), TimeProvider.System))));
        var chat = new Conversation(host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync();

        store.FailuresLeft = 10;
        var failed = await chat.ExpectAsync(IntakeMessages.Confirm, IntakeMessages.AskSummaryAction);
        Assert.Contains(failed, a => a.Text == IntakeMessages.SubmitFailed);
        Assert.DoesNotContain(failed, a => a.Text?.Contains("received", StringComparison.Ordinal) == true);

        store.FailuresLeft = 2;
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");
        Assert.NotNull(ReferenceNumbers.Find(received[^1].Text));
        Assert.Equal(0, store.FailuresLeft);
    }

    [Fact]
    public async Task Status_IsGivenToTheConversationThatMadeTheRequest_AndToNoOneElse()
    {
        await using var host = await BotTestHost.StartAsync();
        var chat = new Conversation(host, userId: "chief-1");
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync();
        var reference = ReferenceNumbers.Find((await chat.SayAsync(IntakeMessages.Confirm))[^1].Text)!;

        await chat.ExpectAsync($"What's the status of {reference}?", $"Request {reference}, submitted");
        await new Conversation(host, userId: "someone-else").ExpectAsync($"status of {reference}", AssistantMessages.StatusNotFound);
    }

    [Fact]
    public async Task TeamsCardSubmit_OnTheSummaryCard_ConfirmsTheRequest()
    {
        await using var host = await BotTestHost.StartAsync();
        var chat = new Conversation(host, channelId: Channels.Msteams);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.AnswerAsync(until: IntakeScript.FullIntake.Length - 1);
        var summary = await chat.SayAsync("yes");
        Assert.Equal("application/vnd.microsoft.card.adaptive", summary[0].Attachments![0].ContentType);

        // The Playground's captured Action.Submit, carrying our card's data, in this conversation.
        var received = await chat.SendAsync(CapturedCardSubmit.For(chat, new JsonObject { ["intakeAction"] = IntakeMessages.Confirm }));

        Assert.StartsWith("Your request has been received", received[^1].Text, StringComparison.Ordinal);
    }

    /// <summary>The real store behind a switch that makes the next N submissions fail, like a database outage.</summary>
    private sealed class UnreliableStore
    {
        public int FailuresLeft { get; set; }

        public IAssistanceRequestStore Wrap(IAssistanceRequestStore inner) => new Failing(this, inner);

        private sealed class Failing(UnreliableStore owner, IAssistanceRequestStore inner) : IAssistanceRequestStore
        {
            public Task<StoredAssistanceRequest> SubmitAsync(string submissionId, StoredAssistanceRequest draft, CancellationToken cancellationToken)
            {
                if (owner.FailuresLeft > 0)
                {
                    owner.FailuresLeft--;
                    throw new IOException("database unavailable");
                }
                return inner.SubmitAsync(submissionId, draft, cancellationToken);
            }

            public Task<StoredAssistanceRequest?> FindAsync(string reference, CancellationToken cancellationToken) => inner.FindAsync(reference, cancellationToken);

            public Task<int> PurgeFinishedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
                inner.PurgeFinishedBeforeAsync(cutoff, cancellationToken);

            public Task<bool> DeleteAsync(string reference, CancellationToken cancellationToken) => inner.DeleteAsync(reference, cancellationToken);
        }
    }
}
