using System.Security.Claims;
using System.Text.Json.Nodes;
using Mvai.Bot.Answering.Streaming;
using Mvai.BotFramework.Connector;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Tests.Infrastructure;

namespace Mvai.Bot.Tests.Answering;

/// <summary>The stream of one answer against a recording channel and a manual clock: pacing, limits, refusal, Web Chat's fields.</summary>
public sealed class AnswerStreamTests
{
    private readonly ManualClock _clock = new();
    private readonly RecordingChannel _channel = new();

    [Fact]
    public async Task InTeams_UpdatesComeAtMostOnceASecond_InSequence_NamingTheStream()
    {
        var (stream, turn) = Create(teams: true);
        await stream.StartAsync(turn, CancellationToken.None);

        _clock.Now += TimeSpan.FromMilliseconds(600);
        await stream.UpdateAsync(turn, "Hold a short", CancellationToken.None);
        _clock.Now += TimeSpan.FromMilliseconds(500);
        await stream.UpdateAsync(turn, "Hold a short statement [1]", CancellationToken.None);

        Assert.Equal(2, _channel.Sent.Count);
        var update = _channel.Sent[1];
        Assert.Equal("Hold a short statement", update.Text);
        var info = Info(update);
        Assert.Equal(("streaming", 2, "sent-1"), ((string)info["streamType"]!, (int)info["streamSequence"]!, (string)info["streamId"]!));
    }

    [Fact]
    public async Task PastTeamsTwoMinuteLimit_NothingMoreIsStreamed_AndTheAnswerIsAPlainMessage()
    {
        var (stream, turn) = Create(teams: true);
        await stream.StartAsync(turn, CancellationToken.None);
        _clock.Now += AnswerStream.MaxDuration + TimeSpan.FromSeconds(1);

        await stream.UpdateAsync(turn, "late text", CancellationToken.None);
        var answer = Activity.CreateMessage("the answer");
        stream.Finish(answer);

        Assert.Single(_channel.Sent);
        Assert.Null(answer.Entities);
    }

    [Fact]
    public async Task ARefusedInformativeUpdate_LeavesTheStreamClosed()
    {
        _channel.Refuse = true;
        var (stream, turn) = Create(teams: true);

        await stream.StartAsync(turn, CancellationToken.None);
        var answer = Activity.CreateMessage("the answer");
        stream.Finish(answer);

        Assert.Equal((true, false), (stream.Refused, stream.IsOpen));
        Assert.Null(answer.Entities);
    }

    [Fact]
    public async Task InWebChat_TheFieldsAreInChannelData_AndTheFinalMessageNamesTheStream()
    {
        var (stream, turn) = Create(teams: false);
        await stream.StartAsync(turn, CancellationToken.None);
        var answer = Activity.CreateMessage("the answer");

        stream.Finish(answer);

        var informative = _channel.Sent[0];
        Assert.Null(informative.Entities);
        Assert.Equal(("informative", 1), ((string)informative.ChannelData!["streamType"]!, (int)informative.ChannelData["streamSequence"]!));
        Assert.Equal(("final", "sent-1"), ((string)answer.ChannelData!["streamType"]!, (string)answer.ChannelData["streamId"]!));
        Assert.Null(answer.ChannelData["streamSequence"]);
    }

    private (AnswerStream Stream, ITurnContext Turn) Create(bool teams)
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message, Id = "q-1", ChannelId = teams ? Channels.Msteams : Channels.Directline, ServiceUrl = "http://127.0.0.1:9/",
            Conversation = new ConversationAccount { Id = "conv-1", ConversationType = "personal" },
            From = new ChannelAccount { Id = "user-1" }, Recipient = new ChannelAccount { Id = "bot-1" },
        };
        return (new AnswerStream(teams, _clock, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance), new TurnContext(incoming, new ClaimsIdentity(), _channel));
    }

    private static JsonObject Info(Activity activity)
    {
        var entity = Assert.Single(activity.Entities!, e => e.Type == "streaminfo");
        return JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(entity.Properties))!.AsObject();
    }

    private sealed class RecordingChannel : IChannelConnection
    {
        public List<Activity> Sent { get; } = [];

        public bool Refuse { get; set; }

        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
        {
            if (Refuse)
            {
                throw new ConnectorException(403, "ContentStreamNotAllowed");
            }
            Sent.Add(activity);
            return Task.FromResult(new ResourceResponse($"sent-{Sent.Count}"));
        }

        public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
