using System.Text;
using System.Text.Json;
using Mvai.Bench;
using Mvai.Bench.LoadClient;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Bench;

/// <summary>The load bench's client against the real app: the bench's own intake script over one keep-alive connection.</summary>
public sealed class RawHttpConnectionTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async Task InitializeAsync() => _host = await BotTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task BenchIntakeScript_OverOneConnection_EndsWithTheStoredRequestsReference()
    {
        using var connection = new RawHttpConnection(_host.BaseAddress.Host, _host.BaseAddress.Port, "/api/messages");
        using var activities = new BenchActivityWriter("user-1");
        var script = Scenarios.Intake;
        ExpectedRepliesScan last = default;
        IList<Activity> lastReplies = [];

        for (var step = 0; step < script.Turns.Count; step++)
        {
            var response = await connection.PostAsync(activities.Write("bench-test-1", step + 1, script.Turns[step]));

            Assert.Equal((200, true), (response.Status, response.KeepAlive));
            // The cheap scan must agree with reading the body the way the channel's SDK does.
            var replies = JsonSerializer.Deserialize(response.Body.Span, ProtocolJson.Default.ExpectedReplies)!.Activities;
            last = ExpectedRepliesScan.Read(response.Body.Span, "MVAI-"u8);
            Assert.Equal(replies.Count, last.Activities);
            Assert.Equal(replies.Any(reply => reply.Text?.Contains("MVAI-", StringComparison.Ordinal) == true), last.TextMentionsMarker);
            Assert.NotEmpty(replies);
            lastReplies = replies;
        }

        Assert.True(last.TextMentionsMarker);
        var reference = lastReplies.Select(reply => ReferenceNumbers.Find(reply.Text)).First(found => found is not null)!;
        var stored = await _host.Services.GetRequiredService<IAssistanceRequestStore>().FindAsync(reference, default);
        Assert.Equal(("Sam Ortiz", "Lake County Sheriff's Office"), (stored?.Request.RequesterName, stored?.Request.AgencyName));
    }

    [Fact]
    public async Task ActivityWriter_WritesAFullBotFrameworkActivity()
    {
        using var activities = new BenchActivityWriter("user-7");

        var joinJson = Encoding.UTF8.GetString(activities.Write("bench-test-7", 1, ScriptTurn.Join).Span);
        var join = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(joinJson))!;
        var messageJson = Encoding.UTF8.GetString(activities.Write("bench-test-7", 12, ScriptTurn.Say("Lake County Sheriff's Office")).Span);
        var message = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(messageJson))!;
        var submitJson = Encoding.UTF8.GetString(activities.Write("bench-test-7", 13, ScriptTurn.Submit(IntakeMessages.Confirm)).Span);
        var submit = ProtocolJson.ParseActivity(Encoding.UTF8.GetBytes(submitJson))!;

        Assert.Equal((ActivityTypes.ConversationUpdate, "bench-test-7-1", "bench", DeliveryModes.ExpectReplies),
            (join.Type, join.Id, join.ChannelId, join.DeliveryMode));
        Assert.Equal(["user-7", "bot"], join.MembersAdded!.Select(member => member.Id));
        Assert.Equal((ActivityTypes.Message, "bench-test-7-12", "Lake County Sheriff's Office", "bench-test-7", "personal", "en-US"),
            (message.Type, message.Id, message.Text, message.Conversation!.Id, message.Conversation.ConversationType, message.Locale));
        Assert.Equal(("user-7", "bench-test-7", RoleTypes.User, "bot", RoleTypes.Bot),
            (message.From!.Id, message.From.Name, message.From.Role, message.Recipient!.Id, message.Recipient.Role));
        // The summary card's button, as Web Chat posts an Action.Submit: no text, the card's data as the value.
        Assert.Equal((ActivityTypes.Message, null, IntakeMessages.Confirm),
            (submit.Type, submit.Text, submit.Value?[IntakeSummary.ActionKey]?.GetValue<string>()));
        Assert.NotNull(message.ServiceUrl);
        Assert.InRange(message.Timestamp!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.NotNull(message.LocalTimestamp);
        // Written by hand, but byte for byte what the protocol's serializer writes for the same activity.
        Assert.Equal(ProtocolJson.Serialize(join), joinJson);
        Assert.Equal(ProtocolJson.Serialize(message), messageJson);
        Assert.Equal(ProtocolJson.Serialize(submit), submitJson);
    }
}
