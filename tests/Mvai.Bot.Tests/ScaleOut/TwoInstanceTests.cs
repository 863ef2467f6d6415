using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.DirectLine;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Mvai.Bot.Tests.ScaleOut;

/// <summary>
/// Two real app instances on one PostgreSQL database, as behind a load balancer without sticky sessions: each
/// request of a conversation may land on either.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new();
    private ChannelConnectorServer _channel = null!;
    private BotTestHost _a = null!;
    private BotTestHost _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _channel = await ChannelConnectorServer.StartAsync();
        // Streams re-read the log only every five minutes here: a reply must reach them through the instances' relay.
        var settings = TestAdvisors.OnDuty(new Dictionary<string, string?> { ["DirectLine:StreamPollInterval"] = "00:05:00" });
        var instances = await Task.WhenAll(
            BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings, OnItsOwnMachine),
            BotTestHost.StartOnPostgresAsync(_database.ConnectionString, settings, OnItsOwnMachine));
        (_a, _b) = (instances[0], instances[1]);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _channel.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AnIntakeAndAHandoffAlternatingBetweenInstances_StoreTheRequestOnce_AndTheAdvisorReachesTheUser()
    {
        var chat = new Conversation(_a, serviceUrl: _channel.ServiceUrl);
        await chat.ExpectAsync("We need MVAI help", IntakeMessages.AskName);
        for (var turn = 0; turn < IntakeScript.FullIntake.Length; turn++)
        {
            chat.Via = turn % 2 == 0 ? _b : _a;
            await chat.ExpectAsync(IntakeScript.FullIntake[turn].Answer, IntakeScript.FullIntake[turn].NextQuestion);
        }
        chat.Via = chat.Via == _a ? _b : _a;
        // The desk is open, so the bot offers an advisor right after confirming the stored request.
        var received = await chat.ExpectAsync(IntakeMessages.Confirm, "An MVAI advisor is on duty right now.");

        var reference = ReferenceNumbers.Find(Assert.Single(received, r => r.Text?.StartsWith("Your request has been received", StringComparison.Ordinal) == true).Text)!;
        Assert.Equal([reference], await StoredReferencesAsync());
        var stored = (await _a.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default))!;
        Assert.Equal(("Pat Rivera", "Springfield Police Department", "(555) 234-0100"), (stored.Request.RequesterName, stored.Request.AgencyName, stored.Request.Phone));
        Assert.Equal([HelpKind.MediaAndPublicInformation, HelpKind.OfficerWellness], stored.Request.HelpNeeded);
        Assert.Equal((Urgency.ThisWeek, true), (stored.Request.Urgency, stored.Request.ConsentToShare));

        chat.Via = _b;
        var asked = await chat.SayAsync("yes");
        Assert.Contains(asked, a => a.Text?.StartsWith("I'm connecting you with an MVAI advisor.", StringComparison.Ordinal) == true);

        using var aliceOnA = AdvisorClient.WithBasic(_a, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        using var aliceOnB = AdvisorClient.WithBasic(_b, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        var queued = Assert.Single(await aliceOnA.QueueAsync())!;
        var caseId = (string)queued["id"]!;
        Assert.Equal(reference, (string?)queued["requestReference"]);
        await AssertOkAsync(aliceOnA.PostAsync($"api/advisor/cases/{caseId}/claim"));
        const string Reply = "Chief, I'm here. Let's start with the media plan.";
        await AssertOkAsync(aliceOnB.PostAsync($"api/advisor/cases/{caseId}/messages", new { text = Reply }));
        Assert.Equal([HandoffMessages.AdvisorJoined(TestAdvisors.AliceName), HandoffMessages.FromAdvisor(TestAdvisors.AliceName, Reply)],
            await _channel.WaitForTextsAsync(2));

        chat.Via = _a;
        Assert.Empty(await chat.SayAsync("Thank you, the press conference is at 9."));
        var lines = (await aliceOnB.JsonAsync($"api/advisor/cases/{caseId}/messages")).AsArray();
        Assert.Equal(["advisor: " + Reply, "user: Thank you, the press conference is at 9."],
            lines.Where(l => (string?)l!["sender"] != "bot").TakeLast(2).Select(l => $"{l!["sender"]}: {l["text"]}"));
        Assert.Single(await aliceOnB.QueueAsync());
    }

    [Fact]
    public async Task ADirectLineStreamOnOneInstance_ReceivesTheReplyToAMessagePostedOnTheOther()
    {
        var onA = new DirectLineClient(_a);
        var onB = new DirectLineClient(_b);
        var (conversationId, token) = await onA.GenerateAsync();
        var (_, started) = await onA.SendAsync(HttpMethod.Post, "conversations", token);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await socket.ConnectAsync(new Uri(started.GetProperty("streamUrl").GetString()!), timeout.Token);

        var (posted, _) = await onB.PostMessageAsync(conversationId, token, "hello from the other instance", "client-b");

        Assert.Equal(HttpStatusCode.OK, posted);
        var received = new List<JsonElement>();
        while (received.Count < 2)
        {
            var frame = await DirectLineClient.ReceiveFrameAsync(socket, timeout.Token);
            if (frame.Length > 0)
            {
                received.AddRange(JsonDocument.Parse(frame).RootElement.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
            }
        }
        Assert.Equal("client-b", received[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal(AssistantMessages.Fallback, received[1].GetProperty("text").GetString());
        var (_, polled) = await onA.GetActivitiesAsync(conversationId, token);
        Assert.Equal(AssistantMessages.Fallback, polled.GetProperty("activities")[1].GetProperty("text").GetString());
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task AChannelsRetryLandingOnTheOtherInstance_IsNotProcessedAgain()
    {
        var chat = new Conversation(_a);
        var message = chat.NewActivity(ActivityTypes.Message);
        message.Text = "We need MVAI help";

        var first = await _a.ExpectRepliesAsync(message);
        var retry = await _b.ExpectRepliesAsync(message);

        Assert.StartsWith(IntakeMessages.AskName, first[^1].Text, StringComparison.Ordinal);
        Assert.Empty(retry);
        chat.Via = _b;
        await chat.ExpectAsync("Pat Rivera", IntakeMessages.AskTitle);
    }

    [Fact]
    public async Task AnAdvisorSignedInOnOneInstance_IsSignedInOnTheOther()
    {
        using var onA = AdvisorClient.WithSession(_a);
        await AssertOkAsync(onA.SignInAsync(TestAdvisors.AliceId, TestAdvisors.AliceSecret));
        // The same browser, its next request sent to the other instance (cookies are per host, not per port).
        using var onB = new HttpClient(new HttpClientHandler { CookieContainer = onA.Cookies! }) { BaseAddress = _b.BaseAddress };
        onB.DefaultRequestHeaders.Add("X-Requested-With", "mvai-console");

        await AssertOkAsync(onB.GetAsync("api/advisor/queue"));
    }

    /// <summary>Without shared storage, each instance would keep Data Protection keys in its own machine's profile.</summary>
    private static void OnItsOwnMachine(WebApplicationBuilder builder) =>
        builder.Services.AddDataProtection().PersistKeysToFileSystem(
            new DirectoryInfo(Path.Combine(Path.GetTempPath(), "mvai-tests", $"keys-{Guid.NewGuid():N}")));

    private async Task<List<string>> StoredReferencesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT reference FROM assistance_requests", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var references = new List<string>();
        while (await reader.ReadAsync())
        {
            references.Add(reader.GetString(0));
        }
        return references;
    }

    private static async Task AssertOkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
