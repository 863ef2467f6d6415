using System.Net;
using System.Text.Json.Nodes;
using Mvai.Bot.Desk.Requester;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;
using Mvai.Bot.Tests.Intake;
using Mvai.Bot.Tests.Privacy;
using static Mvai.Bot.Tests.Desk.DeskScenario;

namespace Mvai.Bot.Tests.Desk;

/// <summary>
/// The MVAI team works requests in the console API over real HTTP, as the page does: every request alerts the team,
/// shows in the requests view, moves through review, match (the requester hears who will call, in their own
/// channel), connection and closing, with its history; bad input gets a clear answer and changes nothing.
/// </summary>
public abstract class RequestDeskTests<TStorage> : DeskTestBase<TStorage>
    where TStorage : TestStorage, new()
{
    private static readonly DateTimeOffset Now = new(2026, 5, 12, 14, 30, 0, TimeSpan.Zero);

    protected override DateTimeOffset Start => Now;

    [Fact]
    public async Task EveryRequest_AlertsTheTeamWithItsFactsAndALink_AndIsNewInTheRequestsView()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();

        // In advisor hours and not needed today: news for the team's address, nobody on call is woken.
        var mail = Assert.Single(await Smtp.WaitForAsync(1));
        Assert.Equal([TeamAddress], mail.EnvelopeTo);
        Assert.Contains(reference, mail.Message.Subject, StringComparison.Ordinal);
        var body = mail.Message.TextBody;
        foreach (var line in new[] { "Urgency: This week", "Incident: Shooting", "Place: Springfield, IL", "Killed / injured: 3 / unknown",
            "Agency: Springfield Police Department", $"https://mvai.example/advisor#request={reference}" })
        {
            Assert.Contains(line, body, StringComparison.Ordinal);
        }
        Assert.Contains("Help wanted: ", body, StringComparison.Ordinal);

        var list = await Alice.JsonAsync("api/advisor/requests");
        var row = Assert.Single(list["requests"]!.AsArray())!;
        Assert.Equal((reference, "New", "ThisWeek", "Shooting", "IL"),
            ((string?)row["reference"], (string?)row["status"], (string?)row["urgency"], (string?)row["incidentType"], (string?)row["state"]));
        Assert.Equal(["bot: team alerted"], History(await Alice.RequestAsync(reference)));
    }

    [Fact]
    public async Task TheTeamReviewsMatchesConnectsAndCloses_AndTheRequesterHearsWhoWillContactThemInTheirOwnChannel()
    {
        var chat = Scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();
        var detail = await Alice.RequestAsync(reference);
        Assert.Contains(detail["fields"]!.AsArray(), f => (string?)f!["value"] == "Pat Rivera");
        Assert.Contains(detail["transcript"]!.AsArray(), l => (string?)l!["from"] == "user" && (string?)l["text"] == "Springfield, IL");
        var best = detail["suggestions"]!.AsArray()[0]!;
        Assert.Equal(("lopez", "led through a shooting; wellness; same state"), ((string?)best["id"], (string?)best["reason"]));

        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Review", Version(detail))).Status);
        detail = await Alice.RequestAsync(reference);
        var (assigned, result) = await Alice.ActAsync(reference, "Assign", Version(detail), "lopez");
        Assert.Equal(HttpStatusCode.OK, assigned);
        Assert.True((bool)result!["delivered"]!);

        var told = Assert.Single(await Scenario.Channel.WaitForTextsAsync(1));
        Assert.Equal($"An update on your request {reference}: the MVAI team has matched your agency with Chief Ann Lopez, Chief of Police, " +
            "Lakeside Police Department. They will contact you by phone at (555) 234-0100 (you can also reach them at ann.lopez@lakeside.example). " +
            $"You can ask me \"status of {reference}\" at any time.", told);
        await chat.ExpectAsync(HandoffMessages.NoThanks, HandoffMessages.OfferDeclined);
        await chat.ExpectAsync($"what's the status of {reference}?", $"Request {reference}, submitted May 12, 2026, is matched with Chief Ann Lopez");

        detail = await Alice.RequestAsync(reference);
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Connected", Version(detail))).Status);
        detail = await Alice.RequestAsync(reference);
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Close", Version(detail))).Status);

        detail = await Alice.RequestAsync(reference);
        Assert.Equal("Closed", Status(detail));
        Assert.Equal(["bot: team alerted", "alice: in review", "alice: matched (Chief Ann Lopez (lopez))", "alice: connected", "alice: closed"], History(detail));

        // An advisor assigning a closed request: a clear refusal, and nothing changes.
        var (refused, error) = await Alice.ActAsync(reference, "Assign", Version(detail), "king");
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("A request that is closed cannot be changed that way.", (string?)error!["error"]);
        var after = await Alice.RequestAsync(reference);
        Assert.Equal((5, "Closed", "Chief Ann Lopez"), (History(after).Count(), Status(after), (string?)after["request"]!["peerAdvisorName"]));
        Assert.Single(Scenario.Channel.Texts());
    }

    [Fact]
    public async Task TwoAdvisorsAssigningAtOnce_OneWins_TheOtherIsToldToLookAgain()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        var version = Version(await Alice.RequestAsync(reference));
        using var bob = AdvisorClient.WithBasic(Scenario.Host, TestAdvisors.BobId, TestAdvisors.BobSecret);

        var results = await Task.WhenAll(Alice.ActAsync(reference, "Assign", version, "lopez"), bob.ActAsync(reference, "Assign", version, "king"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.Status).Order());
        Assert.Equal("Someone changed this request a moment ago. Look at it again before deciding.",
            (string?)results.Single(r => r.Status == HttpStatusCode.Conflict).Body!["error"]);
        var history = History(await Alice.RequestAsync(reference)).ToList();
        Assert.Single(history, line => line.Contains(": matched", StringComparison.Ordinal));
        Assert.Single(await Scenario.Channel.WaitForTextsAsync(1));
    }

    [Fact]
    public async Task BadInput_GetsAClearAnswer_AndChangesNothing()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        var version = Version(await Alice.RequestAsync(reference));

        using (var unknown = await Alice.GetAsync("api/advisor/requests/MVAI-2026-9999"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Alice.ActAsync("MVAI-2026-9999", "Review", 0)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Alice.ActAsync(reference, "Explode", version)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Alice.ActAsync(reference, "Assign", version, "nobody")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await Alice.ActAsync(reference, "Withdraw", version)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await Alice.ActAsync(reference, "Review", version + 7)).Status);
        using (var tooLong = await Alice.PostAsync($"api/advisor/requests/{reference}/notes", new { text = new string('x', 2001) }))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
            Assert.Contains("longer than 2000 characters", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var empty = await Alice.PostAsync($"api/advisor/requests/{reference}/notes", new { text = "  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        }
        using (var unknownNote = await Alice.PostAsync("api/advisor/requests/MVAI-2026-9999/notes", new { text = "hello" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownNote.StatusCode);
        }
        using (var badFilter = await Alice.GetAsync("api/advisor/requests?status=Lost"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
            Assert.StartsWith("Unknown status 'Lost'", (string?)JsonNode.Parse(await badFilter.Content.ReadAsStringAsync())!["error"], StringComparison.Ordinal);
        }
        using var noHeader = AdvisorClient.WithBasic(Scenario.Host, TestAdvisors.AliceId, TestAdvisors.AliceSecret, consoleHeader: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await noHeader.ActAsync(reference, "Review", version)).Status);

        var detail = await Alice.RequestAsync(reference);
        Assert.Equal(("New", version), (Status(detail), Version(detail)));
        Assert.Equal(["bot: team alerted"], History(detail));
    }

    [Fact]
    public async Task FirstContact_IsTheEarliestContactTheTeamRecords_WithWhoHowAndWhen_NotTheReview()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        Scenario.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Review", Version(await Alice.RequestAsync(reference)))).Status);
        Assert.Null(FirstContact(await Alice.RequestAsync(reference)).At);

        // Alice records at 17:30 a call the team made at 16:30; then Bob an e-mail sent earlier still, at 16:00.
        Scenario.Clock.Now = Now.AddHours(3);
        var (recorded, body) = await Alice.ContactAsync(reference, "Phone", at: Now.AddHours(2));
        Assert.Equal(HttpStatusCode.OK, recorded);
        Assert.True((bool)body!["stored"]!);
        Assert.Equal((Now.AddHours(2), "phone"), FirstContact(await Alice.RequestAsync(reference)));
        using var bob = AdvisorClient.WithBasic(Scenario.Host, TestAdvisors.BobId, TestAdvisors.BobSecret);
        Assert.Equal(HttpStatusCode.OK, (await bob.ContactAsync(reference, "email", "Team", Now.AddHours(1.5))).Status);
        Assert.Equal((Now.AddHours(1.5), "e-mail"), FirstContact(await Alice.RequestAsync(reference)));

        // After the match the peer advisor calls too; a later contact is history, not the first contact.
        var detail = await Alice.RequestAsync(reference);
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Assign", Version(detail), "lopez")).Status);
        Scenario.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.OK, (await Alice.ContactAsync(reference, "Teams", "PeerAdvisor")).Status);

        detail = await Alice.RequestAsync(reference);
        Assert.Equal((Now.AddHours(1.5), "e-mail"), FirstContact(detail));
        Assert.Equal([
            "bot: team alerted",
            "alice: in review",
            "alice: contacted the agency (by phone, the MVAI team, at 2026-05-12 16:30 UTC)",
            "bob: contacted the agency (by e-mail, the MVAI team, at 2026-05-12 16:00 UTC)",
            "alice: matched (Chief Ann Lopez (lopez))",
            "alice: contacted the agency (by Teams, peer advisor Chief Ann Lopez)",
        ], History(detail));
        var report = await Alice.JsonAsync("api/advisor/report");
        Assert.Equal((1, 1.5), ((int)report["toFirstContact"]!["reached"]!, (double)report["toFirstContact"]!["medianHours"]!));
    }

    [Fact]
    public async Task ARequestMarkedConnectedWithoutARecordedContact_CountsAsContactedThen()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        Scenario.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Assign", Version(await Alice.RequestAsync(reference)), "king")).Status);
        Assert.Null(FirstContact(await Alice.RequestAsync(reference)).At);
        Scenario.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Connected", Version(await Alice.RequestAsync(reference)))).Status);

        Assert.Equal((Now.AddHours(7), null), FirstContact(await Alice.RequestAsync(reference)));
    }

    [Fact]
    public async Task ABadContact_GetsAClearAnswer_AndChangesNothing()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        Scenario.Clock.Advance(TimeSpan.FromHours(1));

        async Task RefusedAsync(HttpStatusCode expected, string error, Task<(HttpStatusCode Status, JsonNode? Body)> attempt)
        {
            var (status, body) = await attempt;
            Assert.Equal(expected, status);
            Assert.Equal(error, (string?)body!["error"]);
        }
        await RefusedAsync(HttpStatusCode.BadRequest, "Say how the agency was reached: Phone, Email or Teams.", Alice.ContactAsync(reference, "Fax"));
        await RefusedAsync(HttpStatusCode.BadRequest, "Say how the agency was reached: Phone, Email or Teams.", Alice.ContactAsync(reference, "1"));
        await RefusedAsync(HttpStatusCode.BadRequest, "Say who reached the agency: Team or PeerAdvisor.", Alice.ContactAsync(reference, "Phone", "Mayor"));
        const string BadTime = "The time of the contact must be after the request was submitted and not in the future.";
        await RefusedAsync(HttpStatusCode.BadRequest, BadTime, Alice.ContactAsync(reference, "Phone", at: Now.AddHours(2)));
        await RefusedAsync(HttpStatusCode.BadRequest, BadTime, Alice.ContactAsync(reference, "Phone", at: Now.AddMinutes(-1)));
        await RefusedAsync(HttpStatusCode.BadRequest, "No peer advisor is assigned to this request yet.", Alice.ContactAsync(reference, "Phone", "PeerAdvisor"));
        await RefusedAsync(HttpStatusCode.NotFound, "There is no such request.", Alice.ContactAsync("MVAI-2026-9999", "Phone"));
        using (var noHeader = AdvisorClient.WithBasic(Scenario.Host, TestAdvisors.AliceId, TestAdvisors.AliceSecret, consoleHeader: false))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await noHeader.ContactAsync(reference, "Phone")).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await Alice.ActAsync(reference, "Close", Version(await Alice.RequestAsync(reference)))).Status);
        await RefusedAsync(HttpStatusCode.Conflict, "This request is closed or withdrawn; contacts are no longer recorded on it.",
            Alice.ContactAsync(reference, "Phone"));

        var detail = await Alice.RequestAsync(reference);
        Assert.Equal((null, null), FirstContact(detail));
        Assert.Equal(["bot: team alerted", "alice: closed"], History(detail));
    }

    [Fact]
    public async Task Notes_AreKeptInTheHistory_WithWhoAndWhen()
    {
        var reference = await Scenario.NewChat().SubmitRequestAsync();
        using var note = await Alice.PostAsync($"api/advisor/requests/{reference}/notes", new { text = "Called the chief; wants someone who did a school event." });
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);

        var line = (await Alice.RequestAsync(reference))["history"]!.AsArray()[^1]!;
        Assert.Equal(("alice", "note", "Called the chief; wants someone who did a school event.", Now),
            ((string?)line["actor"], (string?)line["action"], (string?)line["detail"], (DateTimeOffset)line["at"]!));
    }

    [Fact]
    public async Task TheRequester_AsksTheStatus_AddsInformation_AndWithdraws_AndTheTeamSeesIt()
    {
        var chat = Scenario.NewChat();
        var reference = await chat.SubmitRequestAsync();

        await chat.ExpectAsync(HandoffMessages.NoThanks, HandoffMessages.OfferDeclined);
        await chat.ExpectAsync($"status of {reference}",
            $"Request {reference}, submitted May 12, 2026, is received and waiting for the MVAI team to review it. To add information, say");
        await chat.ExpectAsync($"add to {reference}: the vigil is Friday and the families want to meet the chief", RequesterMessages.Added(reference));
        await chat.ExpectAsync($"add to {reference}", RequesterMessages.WhatToAdd(reference));
        await new Conversation(Scenario.Host, "test", null, "someone-else").ExpectAsync($"cancel my request {reference}", RequesterMessages.NotFound);
        await chat.ExpectAsync($"cancel my request {reference}", RequesterMessages.Withdrawn(reference));
        await chat.ExpectAsync($"please cancel {reference}", RequesterMessages.AlreadyFinished(reference, RequestStatus.Withdrawn));
        await chat.ExpectAsync($"status of {reference}", $"Request {reference}, submitted May 12, 2026, is withdrawn at your request.");

        var detail = await Alice.RequestAsync(reference);
        Assert.Equal("Withdrawn", Status(detail));
        Assert.Equal(["bot: team alerted", "requester: agency added (the vigil is Friday and the families want to meet the chief)", "requester: withdrawn"],
            History(detail));
        Assert.Equal(HttpStatusCode.Conflict, (await Alice.ActAsync(reference, "Assign", Version(detail), "lopez")).Status);
        var withdrawn = await Alice.JsonAsync("api/advisor/requests?status=Withdrawn");
        Assert.Equal(reference, (string?)Assert.Single(withdrawn["requests"]!.AsArray())!["reference"]);
        Assert.Empty((await Alice.JsonAsync("api/advisor/requests?status=New"))["requests"]!.AsArray());
    }

    private static (DateTimeOffset? At, string? Method) FirstContact(JsonNode detail) =>
        ((DateTimeOffset?)detail["request"]!["firstContactAt"], (string?)detail["request"]!["firstContactMethod"]);
}

public sealed class SqliteRequestDeskTests : RequestDeskTests<SqliteTestStorage>;

public sealed class PostgresRequestDeskTests : RequestDeskTests<PostgresTestStorage>;
