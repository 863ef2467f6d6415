using System.Diagnostics;
using System.Net.Http.Json;
using Activity = Mvai.Bot.BotFramework.Protocol.Activity;
using Mvai.Bot.BotFramework.Protocol;

namespace Mvai.Bench;

/// <summary>One simulated user: runs <see cref="ConversationScript"/> over and over, each time in a new conversation.</summary>
internal sealed class BenchClient(HttpClient http, LatencyRecorder recorder, int worker)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _conversations;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var conversation = $"bench-{_run}-{worker}-{Interlocked.Increment(ref _conversations)}";
            var turn = 0;
            foreach (var line in ConversationScript.Turns)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                await SendAsync(Activity(conversation, ++turn, line));
            }
        }
    }

    private async Task SendAsync(Activity activity)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync("api/messages", activity, ProtocolJson.Default.Activity);
            var body = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ExpectedReplies);
            if (!response.IsSuccessStatusCode || body is null)
            {
                recorder.RecordError($"HTTP {(int)response.StatusCode}");
                return;
            }
            if (activity.Type == ActivityTypes.Message && body.Activities.Count == 0)
            {
                recorder.RecordError("no reply");
                return;
            }
            recorder.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (HttpRequestException exception)
        {
            recorder.RecordError(exception.HttpRequestError.ToString());
        }
    }

    private Activity Activity(string conversation, int turn, string line)
    {
        var user = new ChannelAccount { Id = $"user-{worker}", Name = "Bench Chief", Role = RoleTypes.User };
        var bot = new ChannelAccount { Id = "bot", Name = "MVAI Assistant", Role = RoleTypes.Bot };
        var activity = new Activity
        {
            Type = line == ConversationScript.Join ? ActivityTypes.ConversationUpdate : ActivityTypes.Message,
            Id = $"{conversation}-{turn}",
            ChannelId = "bench",
            ServiceUrl = "http://127.0.0.1:9/bench-has-no-connector/",
            Conversation = new ConversationAccount { Id = conversation, ConversationType = "personal" },
            From = user,
            Recipient = bot,
            Locale = "en-US",
            Timestamp = DateTimeOffset.UtcNow,
            LocalTimestamp = DateTimeOffset.Now,
            DeliveryMode = DeliveryModes.ExpectReplies,
        };
        if (line == ConversationScript.Join)
        {
            activity.MembersAdded = [user, bot];
        }
        else
        {
            activity.Text = line;
        }
        return activity;
    }
}
