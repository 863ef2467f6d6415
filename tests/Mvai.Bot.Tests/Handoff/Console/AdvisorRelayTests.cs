using System.Net;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Handoff.Console;

/// <summary>
/// A user in a channel with a real Connector service (on loopback) asks for a person; advisors work the case
/// through the console API over HTTP; what they do reaches the user as proactive Connector posts.
/// </summary>
public abstract class AdvisorRelayTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private BotTestHost _host = null!;
    private ChannelConnectorServer _channel = null!;
    private AdvisorClient _alice = null!;
    private AdvisorClient _bob = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _host = await Storage.StartHostAsync(TestAdvisors.OnDuty());
        _channel = await ChannelConnectorServer.StartAsync();
        _alice = AdvisorClient.WithBasic(_host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
        _bob = AdvisorClient.WithBasic(_host, TestAdvisors.BobId, TestAdvisors.BobSecret);
    }

    public override async Task DisposeAsync()
    {
        _alice.Dispose();
        _bob.Dispose();
        await _host.DisposeAsync();
        await _channel.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AdvisorClaimsRepliesAndCloses_TheUserHearsEachInTheirChannel_AndTheBotResumes()
    {
        var chat = new Conversation(_host);
        var asked = await SayAsync(chat, "talk to an advisor");
        Assert.Contains(asked, a => a.Text?.StartsWith("I'm connecting you with an MVAI advisor.", StringComparison.Ordinal) == true);

        var queued = Assert.Single(await _alice.QueueAsync())!;
        Assert.Equal(("waiting", "Asked to talk to a person", "Chief Test", null),
            ((string?)queued["state"], (string?)queued["reasonLabel"], (string?)queued["userName"], (string?)queued["claimedBy"]));
        Assert.True((int)queued["priority"]! >= HandoffPriority.ForReason(HandoffReason.UserAsked));
        var caseId = (string)queued["id"]!;
        var history = await _alice.JsonAsync($"api/advisor/cases/{caseId}/messages");
        Assert.Contains(history.AsArray(), l => (string?)l!["sender"] == "user" && (string?)l["text"] == "talk to an advisor");

        await AssertStatusAsync(HttpStatusCode.OK, _alice.PostAsync($"api/advisor/cases/{caseId}/claim"));
        await ExpectChannelMessageAsync(HandoffMessages.AdvisorJoined(TestAdvisors.AliceName));

        const string Reply = "Chief, I'm here. What do you need first?";
        await AssertStatusAsync(HttpStatusCode.OK, _alice.PostAsync($"api/advisor/cases/{caseId}/messages", new { text = Reply }));
        await ExpectChannelMessageAsync(HandoffMessages.FromAdvisor(TestAdvisors.AliceName, Reply));

        var seen = history.AsArray().Max(l => (long)l!["sequence"]!);
        Assert.Empty(await SayAsync(chat, "Help with tomorrow's press conference, please."));
        var newLines = (await _alice.JsonAsync($"api/advisor/cases/{caseId}/messages?after={seen}")).AsArray();
        Assert.Equal(
            ["bot: " + HandoffMessages.AdvisorJoined(TestAdvisors.AliceName), $"advisor {TestAdvisors.AliceName}: {Reply}",
                "user Chief Test: Help with tomorrow's press conference, please."],
            newLines.Select(l => $"{l!["sender"]}{(l["author"] is { } author ? " " + author : string.Empty)}: {l["text"]}"));

        await AssertStatusAsync(HttpStatusCode.Conflict, _bob.PostAsync($"api/advisor/cases/{caseId}/messages", new { text = "Me too" }));
        await AssertStatusAsync(HttpStatusCode.OK, _alice.PostAsync($"api/advisor/cases/{caseId}/close", new { note = "Media plan agreed; call back Friday." }));
        await ExpectChannelMessageAsync(HandoffMessages.AdvisorEnded);
        Assert.NotEmpty(await SayAsync(chat, "What should we tell the media in the first hours?"));

        var closed = await _alice.JsonAsync($"api/advisor/cases/{caseId}");
        Assert.Equal(("closed", "Media plan agreed; call back Friday."), ((string?)closed["case"]!["state"], (string?)closed["case"]!["closeNote"]));
        Assert.Equal(["bot opened", $"{TestAdvisors.AliceId} claimed", $"{TestAdvisors.AliceId} closed: Media plan agreed; call back Friday."],
            closed["audit"]!.AsArray().Select(a => $"{a!["actor"]} {a["action"]}{(a["detail"] is { } d && (string?)a["action"] == "closed" ? ": " + d : string.Empty)}"));
        Assert.Empty(await _alice.QueueAsync());
        var recent = await _alice.JsonAsync($"api/advisor/queue?closedSince={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}");
        Assert.Equal(caseId, (string?)Assert.Single(recent["cases"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task TwoAdvisorsClaimAtOnce_OneGetsTheCase_TheOther409_AndTheUserHearsOneJoin()
    {
        var chat = new Conversation(_host);
        await SayAsync(chat, "talk to an advisor");
        var caseId = (string)(await _alice.QueueAsync())[0]!["id"]!;

        var claims = await Task.WhenAll(
            _alice.PostAsync($"api/advisor/cases/{caseId}/claim"),
            _bob.PostAsync($"api/advisor/cases/{caseId}/claim"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], claims.Select(c => c.StatusCode).Order());
        var winner = claims[0].StatusCode == HttpStatusCode.OK ? TestAdvisors.AliceName : TestAdvisors.BobName;
        var loserError = JsonNode.Parse(await claims.Single(c => c.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync())!;
        Assert.Equal("Another advisor has already claimed this case.", (string?)loserError["error"]);
        await ExpectChannelMessageAsync(HandoffMessages.AdvisorJoined(winner));
        await Task.Delay(200);
        Assert.Single(_channel.Requests, r => r.Body.Contains("has joined the chat", StringComparison.Ordinal));
        foreach (var claim in claims)
        {
            claim.Dispose();
        }
    }

    [Fact]
    public async Task RepliesAreChecked_BeforeAnythingIsStored()
    {
        var chat = new Conversation(_host);
        await SayAsync(chat, "talk to an advisor");
        var caseId = (string)(await _alice.QueueAsync())[0]!["id"]!;
        var path = $"api/advisor/cases/{caseId}/messages";

        await AssertStatusAsync(HttpStatusCode.Conflict, _alice.PostAsync(path, new { text = "Before claiming" }));
        await AssertStatusAsync(HttpStatusCode.OK, _alice.PostAsync($"api/advisor/cases/{caseId}/claim"));
        await AssertStatusAsync(HttpStatusCode.BadRequest, _alice.PostAsync(path, new { text = "   " }));
        await AssertStatusAsync(HttpStatusCode.RequestEntityTooLarge, _alice.PostAsync(path, new { text = new string('x', 4001) }));
        await AssertStatusAsync(HttpStatusCode.NotFound, _alice.PostAsync("api/advisor/cases/no-such-case/messages", new { text = "Hello" }));
        await AssertStatusAsync(HttpStatusCode.OK, _alice.PostAsync($"api/advisor/cases/{caseId}/close"));
        await AssertStatusAsync(HttpStatusCode.Conflict, _alice.PostAsync($"api/advisor/cases/{caseId}/close"));

        var advisorLines = (await _alice.JsonAsync($"{path}")).AsArray().Where(l => (string?)l!["sender"] == "advisor");
        Assert.Empty(advisorLines);
    }

    [Fact]
    public async Task AReplyTheChannelCannotTakeNow_IsStored_AndAnswered202NotDelivered()
    {
        var chat = new Conversation(_host, serviceUrl: "http://127.0.0.1:9/connector-down/");
        await chat.SayAsync("talk to an advisor");
        var caseId = (string)(await _alice.QueueAsync())[0]!["id"]!;
        using (await _alice.PostAsync($"api/advisor/cases/{caseId}/claim"))
        {
        }

        using var reply = await _alice.PostAsync($"api/advisor/cases/{caseId}/messages", new { text = "Are you still there?" });

        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        var body = JsonNode.Parse(await reply.Content.ReadAsStringAsync())!;
        Assert.Equal((true, false), ((bool)body["stored"]!, (bool)body["delivered"]!));
        var lines = (await _alice.JsonAsync($"api/advisor/cases/{caseId}/messages")).AsArray();
        Assert.Contains(lines, l => (string?)l!["sender"] == "advisor" && (string?)l["text"] == "Are you still there?");
    }

    [Fact]
    public async Task Queue_PutsTheMostUrgentFirst_WithTheFactsTheAdvisorShouldKnow()
    {
        await SayAsync(new Conversation(_host), "talk to an advisor");
        await SayAsync(new Conversation(_host, userId: "user-2"), "talk to an advisor");
        var later = (string)(await _alice.QueueAsync())[1]!["id"]!;
        // What triage adds to a case: its answers, and a higher priority when someone is in danger.
        await _host.Services.GetRequiredService<IHandoffStore>().UpdateDetailsAsync(later,
            [new("Anyone in danger now", "Yes"), new("Best callback number", "555-0142")], HandoffPriority.Danger, "bot",
            DateTimeOffset.UtcNow, CancellationToken.None);

        var queue = await _alice.QueueAsync();

        Assert.Equal(later, (string?)queue[0]!["id"]);
        Assert.True((int)queue[0]!["priority"]! >= HandoffPriority.Danger && (int)queue[1]!["priority"]! < HandoffPriority.Danger);
        Assert.Equal(["Anyone in danger now: Yes", "Best callback number: 555-0142"],
            queue[0]!["details"]!.AsArray().Select(d => $"{d!["label"]}: {d["value"]}"));
        var audit = (await _alice.JsonAsync($"api/advisor/cases/{later}"))["audit"]!.AsArray();
        Assert.Equal(["opened", "details updated"], audit.Select(a => (string?)a!["action"]));
    }

    private Task<IList<Activity>> SayAsync(Conversation chat, string text)
    {
        var message = chat.NewActivity(ActivityTypes.Message);
        message.Text = text;
        message.ServiceUrl = _channel.ServiceUrl;
        return chat.SendAsync(message);
    }

    private Task ExpectChannelMessageAsync(string text) => Eventually.TrueAsync(
        () => Task.FromResult(_channel.Requests.Any(r => (string?)JsonNode.Parse(r.Body)?["text"] == text)),
        $"the channel to receive \"{text}\"");

    private static async Task AssertStatusAsync(HttpStatusCode expected, Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class AdvisorRelayTestsOnSqlite : AdvisorRelayTests<SqliteTestStorage>;

public sealed class AdvisorRelayTestsOnPostgres : AdvisorRelayTests<PostgresTestStorage>;
