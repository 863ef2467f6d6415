using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Activity = Mvai.Bot.BotFramework.Protocol.Activity;
using Mvai.Bot.BotFramework.Protocol;

namespace Mvai.Bench;

/// <summary>One simulated user: runs a <see cref="ConversationScript"/> over and over, each time in a new conversation.</summary>
internal sealed class BenchClient(HttpClient http, LatencyRecorder recorder, ConversationScript script, int worker)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _conversations;

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var conversation = $"bench-{_run}-{worker}-{Interlocked.Increment(ref _conversations)}";
            for (var step = 0; step < script.Turns.Count; step++)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                var replies = await SendAsync(Activity(conversation, step + 1, script.Turns[step]), step);
                // The last turn must say the request was stored: a run that stops short of it measures less than it claims.
                if (step == script.Turns.Count - 1 && replies is not null
                    && !replies.Any(reply => reply.Text?.Contains("MVAI-", StringComparison.Ordinal) == true))
                {
                    recorder.RecordError("intake not confirmed");
                }
            }
        }
    }

    private async Task<IList<Activity>?> SendAsync(Activity activity, int step)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Serialized up front so the request has a Content-Length, as the Bot Connector's requests do.
            using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Default.Activity));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("api/messages", content);
            var body = await response.Content.ReadFromJsonAsync(ProtocolJson.Default.ExpectedReplies);
            if (!response.IsSuccessStatusCode || body is null)
            {
                recorder.RecordError($"HTTP {(int)response.StatusCode}");
                return null;
            }
            if (activity.Type == ActivityTypes.Message && body.Activities.Count == 0)
            {
                recorder.RecordError("no reply");
                return null;
            }
            recorder.Record(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return body.Activities;
        }
        catch (HttpRequestException exception)
        {
            recorder.RecordError(exception.HttpRequestError.ToString());
            return null;
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
