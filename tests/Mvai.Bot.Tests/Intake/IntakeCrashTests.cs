using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Intake;

/// <summary>
/// The process is killed (SIGKILL) in the middle of an intake, as a recycle or an out-of-memory kill would, and
/// started again on the same database: the chief continues where they were and the request is stored once.
/// </summary>
public sealed class IntakeCrashTests
{
    [Fact]
    public async Task Killed_between_two_answers_the_restarted_app_asks_the_same_question()
    {
        var database = NewDatabase();
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

        var stored = await FindStoredAsync(database["Storage:ConnectionString"], received[^1].Text!);
        Assert.Equal(("Pat Rivera", "Springfield", "(555) 234-0100"), (stored.Request.RequesterName, stored.Request.City, stored.Request.Phone));
    }

    [Fact]
    public async Task Killed_while_a_turn_is_in_flight_the_restarted_app_continues_and_stores_one_complete_request()
    {
        var database = NewDatabase();
        const string conversationId = "conv-sigkill-in-flight";
        await using (var first = await BotProcess.StartAsync(database))
        {
            var chat = new Conversation(first, conversationId: conversationId);
            await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
            await chat.AnswerAsync(until: IntakeScript.IndexOf(IntakeMessages.AskEmail));
            // The e-mail answer is on its way when the process dies: it may or may not have been saved.
            var inFlight = chat.SayAsync("chief@springfield-pd.gov");
            await first.KillAsync();
            // Almost always the connection breaks; a turn that beat the kill is the other legitimate outcome.
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

        var stored = await FindStoredAsync(database["Storage:ConnectionString"], received[^1].Text!);
        Assert.Equal("chief@springfield-pd.gov", stored.Request.Email);
        Assert.Equal(1, await CountStoredAsync(database["Storage:ConnectionString"]));
    }

    /// <summary>The e-mail answered the contact-method question: the bot re-asks that question with its choices.</summary>
    private static bool IsRetryOfContactMethod(string said) =>
        said.Contains("phone", StringComparison.OrdinalIgnoreCase) && said.Contains("email", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, string> NewDatabase() => new()
    {
        ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db")}",
    };

    private static async Task<StoredAssistanceRequest> FindStoredAsync(string connectionString, string confirmation)
    {
        var store = new SqliteAssistanceRequestStore(new BotFramework.State.SqliteStorage(connectionString), TimeProvider.System);
        var reference = ReferenceNumbers.Find(confirmation) ?? throw new InvalidOperationException($"No reference in \"{confirmation}\"");
        return await store.FindAsync(reference, default) ?? throw new InvalidOperationException($"{reference} was not stored");
    }

    private static async Task<int> CountStoredAsync(string connectionString)
    {
        await using var connection = new BotFramework.State.SqliteStorage(connectionString).Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM assistance_requests";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
