using System.Net;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Transcripts;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Handoff;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.Privacy;

/// <summary>
/// An advisor exports and deletes a stored request through the console API over HTTP, as the page or a script
/// would; the deletion takes the conversation's transcript and handoff data with it and leaves only an audit entry.
/// </summary>
public abstract class RequestDataTests<TStorage> : OnEachStorage<TStorage>
    where TStorage : TestStorage, new()
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 14, 30, 0, TimeSpan.Zero);
    private const string AdvisorReply = "Chief Rivera, I'll call you within the hour.";

    private HandoffScenario _scenario = null!;
    private AdvisorClient _alice = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _scenario = await HandoffScenario.StartAsync(Storage, Now, TestAdvisors.OnDuty());
        _alice = AdvisorClient.WithBasic(_scenario.Host, TestAdvisors.AliceId, TestAdvisors.AliceSecret);
    }

    public override async Task DisposeAsync()
    {
        _alice.Dispose();
        await _scenario.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Export_HoldsTheRequestItsCasesWithMessagesAndAuditAndTheTranscript_AndIsAudited()
    {
        var chat = _scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();
        var caseId = await HandOverAsync(chat, close: true);

        using var response = await _alice.GetAsync($"api/advisor/requests/{reference}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{reference}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var export = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((reference, TestAdvisors.AliceId), ((string?)export["reference"], (string?)export["exportedBy"]));
        var request = export["request"]!["request"]!;
        Assert.Equal(("Pat Rivera", "Springfield Police Department", "(555) 234-0100", "chief@springfield-pd.gov"),
            ((string?)request["requesterName"], (string?)request["agencyName"], (string?)request["phone"], (string?)request["email"]));
        var handoff = Assert.Single(export["handoffCases"]!.AsArray())!;
        Assert.Equal((caseId, "Closed", reference), ((string?)handoff["id"], (string?)handoff["state"], (string?)handoff["requestReference"]));
        Assert.Contains(handoff["messages"]!.AsArray(), m => (string?)m!["sender"] == "Advisor" && (string?)m["text"] == AdvisorReply);
        Assert.Equal(["opened", "claimed", "closed"], handoff["audit"]!.AsArray().Select(a => (string?)a!["action"]));
        var said = export["transcript"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        Assert.Contains("Pat Rivera", said);
        Assert.Contains("chief@springfield-pd.gov", said);

        var audit = (await _alice.JsonAsync($"api/advisor/requests/{reference}/audit")).AsArray();
        Assert.Equal([$"exported {reference} by {TestAdvisors.AliceId} at {Now:O}"], audit.Select(Line));
    }

    [Fact]
    public async Task Delete_RemovesTheRequestTranscriptAndHandoffData_AndLeavesOnlyWhoWhenAndWhich()
    {
        var chat = _scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();
        var caseId = await HandOverAsync(chat, close: true);
        _scenario.Clock.Advance(TimeSpan.FromMinutes(5));

        using var deleted = await _alice.Http.DeleteAsync($"api/advisor/requests/{reference}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var body = JsonNode.Parse(await deleted.Content.ReadAsStringAsync())!;
        Assert.Equal((reference, 1), ((string?)body["deleted"], (int)body["handoffCases"]!));
        Assert.True((int)body["transcriptActivities"]! > 30);
        Assert.Null(await _scenario.Host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default));
        Assert.Empty(await _scenario.Host.Services.GetRequiredService<ITranscriptStore>().GetRecentAsync("test", chat.Id, 100, default));
        Assert.Empty(await _scenario.Store.GetMessagesAsync(caseId, 0, default));
        Assert.Empty(await _scenario.Store.GetAuditAsync(caseId, default));
        using (var gone = await _alice.GetAsync($"api/advisor/cases/{caseId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }
        using (var export = await _alice.GetAsync($"api/advisor/requests/{reference}/export"))
        {
            Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        }
        using (var again = await _alice.Http.DeleteAsync($"api/advisor/requests/{reference}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }
        // The conversation's state (its finished intake) went too: the user starts over.
        Assert.Equal(IntakeMessages.AskName, IntakeScript.Said((await chat.SayAsync("We need MVAI help"))[^1]));

        using var auditResponse = await _alice.GetAsync($"api/advisor/requests/{reference}/audit");
        var auditText = await auditResponse.Content.ReadAsStringAsync();
        Assert.Equal([$"deleted {reference} by {TestAdvisors.AliceId} at {Now.AddMinutes(5):O}"], JsonNode.Parse(auditText)!.AsArray().Select(Line));
        Assert.DoesNotContain("Rivera", auditText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_IsRefusedWhileAnAdvisorIsStillOnTheCase_AndFromAPageWithoutTheConsoleHeader()
    {
        var chat = _scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();
        await HandOverAsync(chat, close: false);

        using (var open = await _alice.Http.DeleteAsync($"api/advisor/requests/{reference}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        }
        // Bob's session cookie, sent by a page that is not the console (so without its header).
        using var page = AdvisorClient.WithSession(_scenario.Host);
        using (var signedIn = await page.SignInAsync(TestAdvisors.BobId, TestAdvisors.BobSecret))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }
        using var forged = AdvisorClient.WithSession(_scenario.Host, consoleHeader: false);
        forged.Cookies!.Add(page.Cookies!.GetAllCookies());
        using (var refused = await forged.Http.DeleteAsync($"api/advisor/requests/{reference}"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using var anonymous = new HttpClient { BaseAddress = _scenario.Host.BaseAddress };
        using (var nobody = await anonymous.GetAsync($"api/advisor/requests/{reference}/export"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        }

        Assert.NotNull(await _scenario.Host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default));
        Assert.Empty((await _alice.JsonAsync($"api/advisor/requests/{reference}/audit")).AsArray());
    }

    private static string Line(JsonNode? entry) =>
        $"{entry!["action"]} {entry["reference"]} by {entry["actor"]} at {entry["at"]!.GetValue<DateTimeOffset>():O}";

    /// <summary>Accepts the advisor offered after the intake; Alice claims, replies and, when asked, closes.</summary>
    private async Task<string> HandOverAsync(Conversation chat, bool close)
    {
        Assert.NotEmpty(await chat.SayAsync("yes"));
        var caseId = (await _scenario.OpenCaseAsync(chat)).Id;
        foreach (var (path, body) in new (string, object?)[] { ("claim", null), ("messages", new { text = AdvisorReply }), ("close", new { note = "Called back." }) })
        {
            if (path == "close" && !close)
            {
                break;
            }
            using var response = await _alice.PostAsync($"api/advisor/cases/{caseId}/{path}", body);
            Assert.True(response.IsSuccessStatusCode, $"{path} answered {response.StatusCode}");
        }
        return caseId;
    }
}

public sealed class RequestDataOnSqliteTests : RequestDataTests<SqliteTestStorage>;

public sealed class RequestDataOnPostgresTests : RequestDataTests<PostgresTestStorage>;
