using System.Net;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.State;

/// <summary>
/// The database stops answering in the middle of an intake (another connection holds it exclusively past the busy
/// timeout): requests get 503 with Retry-After and one log line, nothing of the turn is stored, and when the lock
/// goes the same conversation continues at the same question, with no restart.
/// </summary>
public sealed class StorageDownTests
{
    private const string ChiefsAnswer = "Chief of Police";

    private static async Task<(BotTestHost Host, CapturedLogs Logs)> StartAsync()
    {
        var logs = new CapturedLogs();
        var path = Path.Combine(Path.GetTempPath(), "mvai-tests", $"{Guid.NewGuid():N}.db");
        // One second of busy timeout instead of thirty, so the fault shows quickly.
        var host = await BotTestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={path};Default Timeout=1",
                // The alert dispatcher polls the same file; its own busy error would be a second log line.
                ["Handoff:Alerts:DispatcherEnabled"] = "false",
            },
            path,
            builder => builder.Logging.AddProvider(logs));
        return (host, logs);
    }

    [Fact]
    public async Task MessagesEndpoint_Answers503WithRetryAfter_StoresNothing_AndTheSameTurnRunsOnceTheDatabaseIsBack()
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;
        var chat = new Conversation(host);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);
        var answer = chat.NewActivity(ActivityTypes.Message);
        answer.Text = ChiefsAnswer;
        answer.DeliveryMode = DeliveryModes.ExpectReplies;
        var before = await DatabaseLock.SnapshotAsync(host.DatabasePath);
        logs.Lines.Clear();

        await using (await DatabaseLock.HoldAsync(host.DatabasePath))
        {
            using var refused = await host.PostActivityAsync(answer);
            await AssertStorageUnavailableAsync(refused);
        }

        AssertOneLogLineWithoutTheMessage(logs);
        Assert.Equal(before, await DatabaseLock.SnapshotAsync(host.DatabasePath));
        // The channel retries the very same activity (same id): it runs now, at the question where the user was.
        var replies = await host.ExpectRepliesAsync(answer);
        Assert.StartsWith(IntakeMessages.AskAgency, IntakeScript.Said(replies[^1]), StringComparison.Ordinal);
        await chat.ExpectAsync("Springfield Police Department", IntakeMessages.AskAgencyType);
    }

    [Fact]
    public async Task DirectLine_Answers503WithRetryAfter_LogsNothingOfTheMessage_AndTheConversationContinuesAfterwards()
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;
        var client = new DirectLineClient(host);
        var (conversationId, token) = await client.GenerateAsync("user-storage");
        await PostAndExpectAsync(client, conversationId, token, "We need MVAI help", IntakeMessages.AskName);
        await PostAndExpectAsync(client, conversationId, token, "Pat Rivera", IntakeMessages.AskTitle);
        var before = await DatabaseLock.SnapshotAsync(host.DatabasePath);
        logs.Lines.Clear();

        await using (await DatabaseLock.HoldAsync(host.DatabasePath))
        {
            using var refused = await host.Client.SendAsync(DirectLineMessage(conversationId, token, ChiefsAnswer));
            await AssertStorageUnavailableAsync(refused);
        }

        AssertOneLogLineWithoutTheMessage(logs);
        Assert.Equal(before, await DatabaseLock.SnapshotAsync(host.DatabasePath));
        await PostAndExpectAsync(client, conversationId, token, ChiefsAnswer, IntakeMessages.AskAgency);
    }

    [Fact]
    public async Task PageTokens_Answer503WhileTheDatabaseIsDown_AndAreIssuedAgainOnceItIsBack()
    {
        var (host, logs) = await StartAsync();
        await using var _ = host;

        await using (await DatabaseLock.HoldAsync(host.DatabasePath))
        {
            using var refused = await host.Client.PostAsync("api/directline/token", content: null);
            await AssertStorageUnavailableAsync(refused);
        }

        Assert.Single(logs.Lines, line => line.Contains("Storage unavailable: POST /api/directline/token", StringComparison.Ordinal));
        using var issued = await host.Client.PostAsync("api/directline/token", content: null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    private static async Task AssertStorageUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("StorageUnavailable", error["code"]!.GetValue<string>());
    }

    private static void AssertOneLogLineWithoutTheMessage(CapturedLogs logs)
    {
        var problems = logs.Lines.Where(line => !line.StartsWith("Information", StringComparison.Ordinal) && !line.StartsWith("Debug", StringComparison.Ordinal)
            && !line.StartsWith("Trace", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(problems);
        Assert.StartsWith("Error Mvai.BotFramework.Hosting.StorageUnavailableMiddleware: Storage unavailable", line, StringComparison.Ordinal);
        Assert.True(line.Contains("(SqliteException 5)", StringComparison.Ordinal), line);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(ChiefsAnswer, StringComparison.Ordinal));
    }

    private static HttpRequestMessage DirectLineMessage(string conversationId, string token, string text)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent($$$"""{"type":"message","text":"{{{text}}}","from":{"id":"user-storage"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task PostAndExpectAsync(DirectLineClient client, string conversationId, string token, string text, string expected)
    {
        var (status, posted) = await client.PostMessageAsync(conversationId, token, text);
        Assert.Equal(HttpStatusCode.OK, status);
        var (_, page) = await client.GetActivitiesAsync(conversationId, token);
        var last = page.GetProperty("activities").EnumerateArray().Last(a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.StartsWith(expected, last.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotNull(posted.GetProperty("id").GetString());
    }
}
