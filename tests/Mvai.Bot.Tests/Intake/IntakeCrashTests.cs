using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>
/// The process is killed (SIGKILL) in the middle of an intake, as a recycle or an out-of-memory kill would, and
/// started again on the same database: the chief continues where they were and the request is stored once.
/// </summary>
public abstract class IntakeCrashTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    [Fact]
    public async Task Killed_between_two_answers_the_restarted_app_asks_the_same_question()
    {
        var database = Storage.Settings;
        var chat = (Conversation?)null;
        await using (var first = await BotProcess.StartAsync(database))
        {
            chat = new Conversation(first, conversationId: "conv-sigkill-between");
            await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
            await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskIncidentType));
            await first.KillAsync();
        }

        await using var second = await BotProcess.StartAsync(database);
        var resumed = new Conversation(second, conversationId: "conv-sigkill-between");
        await resumed.AnswerAsync(from: IntakeScript.IndexOf(IntakeMessages.AskIncidentType));
        var received = await resumed.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");

        var stored = await FindStoredAsync(received[^1].Text!);
        Assert.Equal(("Pat Rivera", "Springfield", "(555) 234-0100"), (stored.Request.RequesterName, stored.Request.City, stored.Request.Phone));
    }

    [Fact]
    public async Task Killed_while_a_turn_is_in_flight_the_restarted_app_continues_and_stores_one_complete_request()
    {
        var database = Storage.Settings;
        const string conversationId = "conv-sigkill-in-flight";
        await using (var first = await BotProcess.StartAsync(database))
        {
            var chat = new Conversation(first, conversationId: conversationId);
            await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
            await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskEmail));
            // The e-mail answer has reached the app (its transcript holds it) when the process dies: its turn may or
            // may not have saved the state by then.
            var inFlight = chat.SayAsync("chief@springfield-pd.gov");
            var transcripts = OpenTranscripts();
            await Eventually.TrueAsync(
                async () => inFlight.IsCompleted || (await transcripts.GetRecentAsync("test", conversationId, 5, default))
                    .Any(a => a.Text == "chief@springfield-pd.gov"),
                "the answer to reach the app");
            await first.KillAsync();
            // Usually the connection breaks; a turn that beat the kill is the other legitimate outcome.
            await inFlight.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await using var second = await BotProcess.StartAsync(database);
        var resumed = new Conversation(second, conversationId: conversationId);
        // The chief doesn't know whether the answer arrived, so they type it again; the bot carries on from
        // wherever it really was and every later question is answered as it comes.
        var replies = await resumed.SayAsync("chief@springfield-pd.gov");
        var question = IntakeScript.Said(replies[^1]);
        Assert.True(
            question.StartsWith(IntakeMessages.AskContactMethod, StringComparison.Ordinal) || IsRetryOfContactMethod(question),
            $"After the restart the bot said \"{question}\"");
        var from = IntakeScript.IndexOf(IntakeMessages.AskContactMethod);
        await resumed.AnswerAsync(from: from);
        var received = await resumed.ExpectAsync(IntakeMessages.Confirm, "Your request has been received");

        var stored = await FindStoredAsync(received[^1].Text!);
        Assert.Equal("chief@springfield-pd.gov", stored.Request.Email);
        Assert.Equal(ReferenceNumbers.Format(DateTimeOffset.UtcNow.Year, 1), stored.Reference);
        Assert.Null(await OpenStore().FindAsync(ReferenceNumbers.Format(DateTimeOffset.UtcNow.Year, 2), default));
    }

    /// <summary>The e-mail answered the contact-method question (the first one had been saved): the bot re-asks it.</summary>
    private static bool IsRetryOfContactMethod(string said) => said == "Please choose one of the options.";

    private TranscriptStore OpenTranscripts() => new(Storage.OpenBackend().Database, TimeProvider.System);

    private AssistanceRequestStore OpenStore() => new AssistanceRequestStore(Storage.OpenBackend().Database, TimeProvider.System);

    private async Task<StoredAssistanceRequest> FindStoredAsync(string confirmation)
    {
        var reference = ReferenceNumbers.Find(confirmation) ?? throw new InvalidOperationException($"No reference in \"{confirmation}\"");
        return await OpenStore().FindAsync(reference, default) ?? throw new InvalidOperationException($"{reference} was not stored");
    }
}

public sealed class IntakeCrashOnSqliteTests : IntakeCrashTests<SqliteTestStorage>;

public sealed class IntakeCrashOnPostgresTests : IntakeCrashTests<PostgresTestStorage>;
