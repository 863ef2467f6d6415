using System.Globalization;
using Mvai.BotFramework.DirectLine;
using Mvai.BotFramework.State;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Desk.Requests;
using Mvai.Bot.Handoff;
using Mvai.Bot.Handoff.Alerts;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Privacy;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.Privacy;

/// <summary>
/// Retention on the real app with a clock the test moves: with <c>Retention:Days=30</c>, what was finished 31 days
/// ago goes, what is 6 days old stays, and an open case or a request nobody has handled yet is never purged.
/// </summary>
public abstract class RetentionTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private HandoffScenario _scenario = null!;
    private AdvisorClient _alice = null!;

    private IServiceProvider Services => _scenario.Host.Services;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await HandoffScenario.StartAsync(Storage, Start, TestAdvisors.OnDuty(new Dictionary<string, string?>
        {
            ["Retention:Days"] = "30",
            // The test purges when it chooses to; the hosted service has its own test.
            ["Retention:Enabled"] = "false",
        }));
        _alice = AdvisorClient.WithBasic(_scenario.Host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
    }

    public override async Task DisposeAsync()
    {
        _alice.Dispose();
        await _scenario.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task After31Days_FinishedRequestsCasesAndTranscriptsGo_WhileOpenCasesUnhandledRequestsAndYoungRecordsStay()
    {
        var notHandedOver = _scenario.NewChat("user-a");
        var unhandledReference = await notHandedOver.SubmitRequestAsync();
        Assert.NotEmpty(await notHandedOver.SayAsync("no"));
        var handedOver = _scenario.NewChat("user-b");
        var handedOverReference = await handedOver.SubmitRequestAsync();
        var oldCase = await HandOverAndCloseAsync(handedOver);
        var stillWaiting = _scenario.NewChat("user-c");
        await stillWaiting.SayAsync("talk to an advisor");
        var openCase = (await _scenario.OpenCaseAsync(stillWaiting)).Id;

        _scenario.Clock.Advance(TimeSpan.FromDays(25));
        var recent = _scenario.NewChat("user-d");
        var recentReference = await recent.SubmitRequestAsync();
        var recentCase = await HandOverAndCloseAsync(recent);

        _scenario.Clock.Advance(TimeSpan.FromDays(6));
        var purge = await Services.GetRequiredService<DataRetention>().PurgeAsync(default);

        var requests = Services.GetRequiredService<IAssistanceRequestStore>();
        Assert.Null(await requests.FindAsync(handedOverReference, default));
        Assert.NotNull(await requests.FindAsync(unhandledReference, default));
        Assert.NotNull(await requests.FindAsync(recentReference, default));
        Assert.Null(await _scenario.Store.GetAsync(oldCase, default));
        Assert.Empty(await _scenario.Store.GetMessagesAsync(oldCase, 0, default));
        Assert.Empty(await _scenario.Store.GetAuditAsync(oldCase, default));
        Assert.Equal(HandoffCaseState.Waiting, (await _scenario.Store.GetAsync(openCase, default))!.State);
        Assert.NotEmpty(await _scenario.Store.GetMessagesAsync(openCase, 0, default));
        Assert.Equal(HandoffCaseState.Closed, (await _scenario.Store.GetAsync(recentCase, default))!.State);
        Assert.NotEmpty(await _scenario.Store.GetMessagesAsync(recentCase, 0, default));
        var transcripts = Services.GetRequiredService<ITranscriptStore>();
        foreach (var old in new[] { notHandedOver, handedOver, stillWaiting })
        {
            Assert.Empty(await transcripts.GetRecentAsync("test", old.Id, 100, default));
        }
        Assert.NotEmpty(await transcripts.GetRecentAsync("test", recent.Id, 100, default));
        Assert.Equal((1, 1), (purge.Requests, purge.HandoffCases));
        Assert.True(purge.TranscriptActivities > 20, $"purged {purge.TranscriptActivities} transcript activities");
    }

    [Fact]
    public async Task PurgingAClosedRequest_DeletesItsHistoryAndNotes_WhileAYoungRequestKeepsItsOwn()
    {
        var desk = Services.GetRequiredService<IRequestDeskStore>();
        var closedReference = await _scenario.NewChat("user-closed").SubmitRequestAsync();
        await NoteAsync(closedReference, "Chief Rivera prefers calls after 6 pm; the families meet on Friday.");
        var closed = (await desk.GetAsync(closedReference, default))!;
        Assert.Equal(DeskOutcome.Done, await Services.GetRequiredService<RequestDesk>().ActAsync(
            closedReference, RequestAction.Close, closed.Progress.Version, TestAdvisors.AliceId, null, default));
        Assert.Equal(3, (await desk.HistoryAsync(closedReference, default)).Count);

        _scenario.Clock.Advance(TimeSpan.FromDays(25));
        var youngReference = await _scenario.NewChat("user-young").SubmitRequestAsync();
        await NoteAsync(youngReference, "Called back; the chief wants a school-event peer.");
        var youngHistory = await desk.HistoryAsync(youngReference, default);

        _scenario.Clock.Advance(TimeSpan.FromDays(6));
        var purge = await Services.GetRequiredService<DataRetention>().PurgeAsync(default);

        Assert.Equal(1, purge.Requests);
        Assert.Null(await desk.GetAsync(closedReference, default));
        Assert.Empty(await desk.HistoryAsync(closedReference, default));
        Assert.Equal(youngHistory, await desk.HistoryAsync(youngReference, default));
        Assert.Contains(youngHistory, h => h.Action == "note");
    }

    [Fact]
    public async Task AHandedOverRequest_StaysWhileItsCaseIsOpen_AndUntil30DaysAfterTheCaseClosed()
    {
        var chat = _scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();
        Assert.NotEmpty(await chat.SayAsync("yes"));
        var caseId = (await _scenario.OpenCaseAsync(chat)).Id;
        var retention = Services.GetRequiredService<DataRetention>();
        var requests = Services.GetRequiredService<IAssistanceRequestStore>();

        _scenario.Clock.Advance(TimeSpan.FromDays(40));
        await retention.PurgeAsync(default);
        Assert.NotNull(await requests.FindAsync(reference, default));
        Assert.NotNull(await _scenario.Store.GetAsync(caseId, default));

        await CloseAsync(caseId);
        _scenario.Clock.Advance(TimeSpan.FromDays(29));
        await retention.PurgeAsync(default);
        Assert.NotNull(await requests.FindAsync(reference, default));
        Assert.NotNull(await _scenario.Store.GetAsync(caseId, default));

        _scenario.Clock.Advance(TimeSpan.FromDays(2));
        await retention.PurgeAsync(default);
        Assert.Null(await requests.FindAsync(reference, default));
        Assert.Null(await _scenario.Store.GetAsync(caseId, default));
    }

    [Fact]
    public async Task IdleConversationStateAndOldDirectLineConversations_Go_RecentOnesStay()
    {
        var idle = _scenario.NewChat("user-idle");
        await idle.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        var directLine = new DirectLineClient(_scenario.Host);
        var (oldWebChat, oldToken) = await directLine.GenerateAsync("dl-old");
        await directLine.PostMessageAsync(oldWebChat, oldToken, "hello");
        _scenario.Clock.Advance(TimeSpan.FromDays(25));
        var active = _scenario.NewChat("user-active");
        await active.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        var (recentWebChat, token) = await directLine.GenerateAsync("dl-recent");
        await directLine.PostMessageAsync(recentWebChat, token, "hello");

        _scenario.Clock.Advance(TimeSpan.FromDays(6));
        var purge = await Services.GetRequiredService<DataRetention>().PurgeAsync(default);

        var state = await Services.GetRequiredService<IStorage>().ReadAsync(
            [ConversationState.KeyFor("test", idle.Id), ConversationState.KeyFor("test", active.Id)], default);
        Assert.Equal([ConversationState.KeyFor("test", active.Id)], state.Keys);
        var log = Services.GetRequiredService<IActivityLog>();
        Assert.False(await log.ConversationExistsAsync(oldWebChat, default));
        Assert.True(await log.ConversationExistsAsync(recentWebChat, default));
        Assert.NotEmpty((await log.ReadAsync(recentWebChat, 0, 10, default)).Activities);
        Assert.True(purge.IdleStates >= 1 && purge.DirectLineActivities >= 1, $"{purge}");
        // The idle intake starts afresh: its answers are gone with the state.
        Assert.Equal(IntakeMessages.AskName, IntakeScript.Said((await idle.SayAsync("We need MVAI help"))[^1]));
    }

    [Fact]
    public async Task TwoInstancesPurgingTheSameDatabaseAtOnce_DeleteEachRecordOnce_WithoutErrors()
    {
        var chat = _scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();
        await HandOverAndCloseAsync(chat);
        await using var second = await Storage.StartHostAsync(TestAdvisors.OnDuty(new Dictionary<string, string?> { ["Retention:Enabled"] = "false" }),
            builder => builder.Services.AddSingleton<TimeProvider>(_scenario.Clock));
        _scenario.Clock.Advance(TimeSpan.FromDays(91));

        var purges = await Task.WhenAll(
            Services.GetRequiredService<DataRetention>().PurgeAsync(default),
            second.Services.GetRequiredService<DataRetention>().PurgeAsync(default));

        Assert.Equal((1, 1), (purges.Sum(p => p.Requests), purges.Sum(p => p.HandoffCases)));
        Assert.Null(await Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default));
    }

    [Fact]
    public async Task AlertsSentBeforeTheCutoff_AndOnesCreatedBeforeItNeverSent_Go_TheOthersStay()
    {
        var outbox = new AlertOutboxStore(Storage.OpenBackend().Database);
        await AddSentAsync(outbox, "H-old-sent", Start);
        await AddSentAsync(outbox, "H-old-sent-late", Start, sentAt: Start.AddDays(2));
        await AddSentAsync(outbox, "H-recent", Start.AddDays(25));
        await outbox.AddAsync("alert-old-unsent", AlertTestSettings.Alert("H-old-unsent"), [new(AlertChannels.Email, "duty@mvai.example")], Start, default);
        await outbox.AddAsync("alert-recent-unsent", AlertTestSettings.Alert("H-recent-unsent"), [new(AlertChannels.Email, "duty@mvai.example")], Start.AddDays(2), default);

        var purged = await outbox.PurgeBeforeAsync(Start.AddDays(1), default);

        Assert.Equal(2, purged);
        Assert.Empty(await outbox.ListForCaseAsync("H-old-sent", default));
        Assert.Empty(await outbox.ListForCaseAsync("H-old-unsent", default));
        Assert.NotNull(Assert.Single(await outbox.ListForCaseAsync("H-old-sent-late", default)).SentAt);
        Assert.NotNull(Assert.Single(await outbox.ListForCaseAsync("H-recent", default)).SentAt);
        Assert.Null(Assert.Single(await outbox.ListForCaseAsync("H-recent-unsent", default)).SentAt);
        // The purged alert's own row went too: a delivery claimed now finds only the recent unsent one.
        var due = await outbox.ClaimDueAsync("instance", Start.AddDays(30), TimeSpan.FromMinutes(1), 10, default);
        Assert.Equal(["H-recent-unsent"], due.Select(delivery => delivery.Alert.CaseId));
    }

    [Fact]
    public async Task TheHostedService_PurgesOnItsOwn_AtStartAndEveryInterval()
    {
        var clock = new ManualClock { Now = Start };
        string earlierId;
        await using (var first = await Storage.StartHostAsync(new Dictionary<string, string?> { ["Retention:Enabled"] = "false" },
            builder => builder.Services.AddSingleton<TimeProvider>(clock)))
        {
            var earlier = new Conversation(first);
            earlierId = earlier.Id;
            await earlier.SayAsync("What should we tell the media in the first hours?");
        }
        clock.Advance(TimeSpan.FromDays(91));

        await using var host = await Storage.StartHostAsync(
            new Dictionary<string, string?> { ["Retention:Interval"] = "00:00:00.200" },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var transcripts = host.Services.GetRequiredService<ITranscriptStore>();
        await Eventually.TrueAsync(
            async () => (await transcripts.GetRecentAsync("test", earlierId, 10, default)).Count == 0,
            "the purge at start to remove the 91-day-old transcript");
        var later = new Conversation(host);
        await later.SayAsync("What should we tell the media in the first hours?");
        clock.Advance(TimeSpan.FromDays(91));

        await Eventually.TrueAsync(
            async () => (await transcripts.GetRecentAsync("test", later.Id, 10, default)).Count == 0,
            "the default 90-day retention to purge the transcript on the next interval");
    }

    private static async Task AddSentAsync(AlertOutboxStore outbox, string caseId, DateTimeOffset at, DateTimeOffset? sentAt = null)
    {
        await outbox.AddAsync("alert-" + caseId, AlertTestSettings.Alert(caseId), [new(AlertChannels.Email, "duty@mvai.example")], at, default);
        var delivery = Assert.Single(await outbox.ClaimDueAsync("instance", at, TimeSpan.FromMinutes(1), 10, default));
        await outbox.MarkSentAsync(delivery.Id, sentAt ?? at, default);
    }

    /// <summary>Accepts the advisor offered after the intake; Alice claims and closes the case.</summary>
    private async Task<string> HandOverAndCloseAsync(Conversation chat)
    {
        Assert.NotEmpty(await chat.SayAsync("yes"));
        var caseId = (await _scenario.OpenCaseAsync(chat)).Id;
        using (var claim = await _alice.PostAsync($"api/advisor/cases/{caseId}/claim"))
        {
            Assert.True(claim.IsSuccessStatusCode, $"claim answered {claim.StatusCode}");
        }
        await CloseAsync(caseId);
        return caseId;
    }

    private async Task NoteAsync(string reference, string text)
    {
        using var note = await _alice.PostAsync($"api/advisor/requests/{reference}/notes", new { text });
        Assert.True(note.IsSuccessStatusCode, $"the note answered {note.StatusCode}");
    }

    private async Task CloseAsync(string caseId)
    {
        using var close = await _alice.PostAsync($"api/advisor/cases/{caseId}/close", new { note = "Followed up by phone." });
        Assert.True(close.IsSuccessStatusCode, $"close answered {close.StatusCode} at {_scenario.Clock.Now.ToString("O", CultureInfo.InvariantCulture)}");
    }
}

public sealed class RetentionOnSqliteTests : RetentionTests<SqliteTestStorage>;

public sealed class RetentionOnPostgresTests : RetentionTests<PostgresTestStorage>;
