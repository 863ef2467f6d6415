using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Handoff;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Tests.Intake;

namespace Mvai.Bot.Tests.Handoff;

/// <summary>
/// The proxy model end to end through real HTTP: an advisor claims, replies and closes; the user hears each in their
/// own channel; while claimed the bot stays quiet and the user's words go to the advisor.
/// </summary>
public sealed class HandoffRelayTests : IAsyncLifetime
{
    private static readonly AdvisorIdentity Dana = new("dana", "Dana Ruiz");
    private static readonly AdvisorIdentity Lee = new("lee", "Lee Park");

    private HandoffScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await HandoffScenario.StartAsync(HandoffScenario.TuesdayMorning);

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task ClaimReplyAnswerClose_TheWholeRelay()
    {
        var chat = _scenario.NewChat();
        await chat.SayAsync("talk to an advisor");
        var handoff = await _scenario.OpenCaseAsync(chat);

        Assert.Equal(HubOutcome.Done, await _scenario.Desk.ClaimAsync(handoff.Id, Dana, default));
        Assert.Equal(HubOutcome.Done, await _scenario.Desk.ReplyAsync(handoff.Id, Dana, "Hi Chief, I'm here. How are you holding up?", default));
        var sent = await _scenario.Channel.WaitForTextsAsync(2);
        Assert.Equal(HandoffMessages.AdvisorJoined("Dana Ruiz"), sent[0]);
        Assert.Equal("**Dana Ruiz (MVAI advisor):** Hi Chief, I'm here. How are you holding up?", sent[1]);

        // Claimed: the user's words go to the advisor, and the bot says nothing, even to a question it could answer.
        Assert.Empty(await chat.SayAsync("What do I tell the press tomorrow?"));
        var lines = await _scenario.Store.GetMessagesAsync(handoff.Id, 0, default);
        Assert.Equal("What do I tell the press tomorrow?", lines[^1].Text);
        Assert.Equal(HandoffSender.User, lines[^1].Sender);
        Assert.Contains(lines, l => l.Sender == HandoffSender.Advisor && l.Author == "Dana Ruiz");

        Assert.Equal(HubOutcome.Done, await _scenario.Desk.CloseAsync(handoff.Id, Dana.Id, "Follow-up call booked", default));
        Assert.Equal(HandoffMessages.AdvisorEnded, (await _scenario.Channel.WaitForTextsAsync(3))[2]);
        await chat.ExpectAsync("hello", AssistantMessages.Fallback);

        var audit = await _scenario.Store.GetAuditAsync(handoff.Id, default);
        Assert.Equal(["opened", "claimed", "closed"], audit.Select(a => a.Action));
        Assert.Equal(["bot", "dana", "dana"], audit.Select(a => a.Actor));
        Assert.Equal("Follow-up call booked", audit[^1].Detail);
    }

    [Fact]
    public async Task TwoAdvisorsClaimingAtOnce_OnlyOneGetsIt_AndOnlyTheyMayReply()
    {
        await _scenario.NewChat().SayAsync("talk to someone");
        var handoff = (await _scenario.Store.ListAsync(null, default)).Single();

        var outcomes = await Task.WhenAll(_scenario.Desk.ClaimAsync(handoff.Id, Dana, default), _scenario.Desk.ClaimAsync(handoff.Id, Lee, default));

        Assert.Equal([HubOutcome.Done, HubOutcome.Conflict], outcomes.Order());
        var winner = (await _scenario.Store.GetAsync(handoff.Id, default))!.ClaimedBy == "dana" ? (Dana, Lee) : (Lee, Dana);
        Assert.Equal(HubOutcome.Conflict, await _scenario.Desk.ReplyAsync(handoff.Id, winner.Item2, "me too", default));
        Assert.Equal(HubOutcome.Done, await _scenario.Desk.ReplyAsync(handoff.Id, winner.Item1, "I've got this one", default));
        Assert.Equal(HubOutcome.NotFound, await _scenario.Desk.ClaimAsync("no-such-case", Dana, default));
    }

    [Fact]
    public async Task AnAdvisorsReply_IsStoredEvenWhenTheChannelIsDown()
    {
        var chat = new Infrastructure.Conversation(_scenario.Host, serviceUrl: "http://127.0.0.1:9/connector-down/");
        await chat.SayAsync("talk to someone");
        var handoff = await _scenario.OpenCaseAsync(chat);
        await _scenario.Desk.ClaimAsync(handoff.Id, Dana, default);

        Assert.Equal(HubOutcome.NotDelivered, await _scenario.Desk.ReplyAsync(handoff.Id, Dana, "Are you there?", default));

        Assert.Contains(await _scenario.Store.GetMessagesAsync(handoff.Id, 0, default), l => l.Text == "Are you there?");
    }

    [Fact]
    public async Task WithAnExternalHub_HandoffInitiate_CarriesTheConversation_TheUser_AndTheTranscript()
    {
        await using var external = await HandoffScenario.StartAsync(HandoffScenario.TuesdayMorning,
            HandoffScenario.WeekdayHours(new Dictionary<string, string?> { ["Handoff:ExternalHub"] = "true" }));
        var chat = external.NewChat();
        await chat.SayAsync("what is a family assistance center?");

        var replies = await chat.SayAsync("talk to a person");

        var initiate = Assert.Single(replies, r => r.Type == ActivityTypes.Event);
        Assert.Equal(HandoffEventNames.InitiateHandoff, initiate.Name);
        Assert.Equal(chat.Id, initiate.Conversation!.Id);
        Assert.Equal("user-1", initiate.From!.Id);
        Assert.Equal(chat.Id, initiate.RelatesTo!.Conversation!.Id);
        Assert.Equal(external.Channel.ServiceUrl, initiate.RelatesTo.ServiceUrl);
        Assert.NotNull(initiate.ReplyToId);
        Assert.Equal(HandoffTicket.Skill, initiate.Value!["skill"]!.GetValue<string>());
        Assert.Equal("UserAsked", initiate.Value["reason"]!.GetValue<string>());
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (transcript.ContentType, transcript.Name));
        var texts = transcript.Content!["activities"]!.AsArray().Select(a => (string?)a!["text"]).ToList();
        Assert.Equal("what is a family assistance center?", texts[0]);
        Assert.Contains("talk to a person", texts);
    }

    [Fact]
    public async Task HandoffStatus_FromAnExternalHub_IsHonoured()
    {
        var chat = _scenario.NewChat();
        await chat.SayAsync("talk to a person");

        Assert.Equal("Sam from County Victim Services has joined.", Assert.Single(await chat.SendAsync(Status(chat, HandoffStates.Accepted, "Sam from County Victim Services has joined."))).Text);

        var failed = await chat.SendAsync(Status(chat, HandoffStates.Failed, null));
        Assert.Equal(HandoffMessages.HubFailed, failed[0].Text);
        Assert.Equal(TriageDialog.AskDanger, IntakeScript.Said(failed[^1]));

        var completed = await chat.SendAsync(Status(chat, HandoffStates.Completed, null));
        Assert.Equal(HandoffMessages.AdvisorEnded, Assert.Single(completed).Text);

        // An event the bot does not know, or a status without a state, is still accepted.
        var odd = chat.NewActivity(ActivityTypes.Event);
        odd.Name = HandoffEventNames.HandoffStatus;
        odd.Value = new JsonObject { ["unexpected"] = true };
        Assert.Empty(await chat.SendAsync(odd));
    }

    private static Activity Status(Infrastructure.Conversation chat, string state, string? message)
    {
        var status = chat.NewActivity(ActivityTypes.Event);
        status.Name = HandoffEventNames.HandoffStatus;
        status.Value = message is null ? new JsonObject { ["state"] = state } : new JsonObject { ["state"] = state, ["message"] = message };
        return status;
    }
}
