using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mvai.Bench.LoadClient;

namespace Mvai.Bench;

/// <summary>
/// One simulated user on its own keep-alive connection: runs a <see cref="ConversationScript"/> over and over, each
/// time in a new conversation.
/// </summary>
internal sealed class BenchClient(RawHttpConnection connection, LatencyRecorder recorder, ConversationScript script, int worker)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _conversations;

    public async Task RunAsync(CancellationToken stop)
    {
        using var activities = new BenchActivityWriter($"user-{worker}");
        using (connection)
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
                    await SendAsync(activities, conversation, step);
                }
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(BenchActivityWriter activities, string conversation, int step)
    {
        var started = Stopwatch.GetTimestamp();
        var line = script.Turns[step];
        var json = activities.Write(conversation, step + 1, line);
        HttpResponse response;
        try
        {
            response = await connection.PostAsync(json);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or SocketException or InvalidDataException)
        {
            recorder.RecordError(exception switch
            {
                TimeoutException => "timeout",
                SocketException socket => socket.SocketErrorCode.ToString(),
                IOException { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
                EndOfStreamException => "connection closed",
                _ => exception.GetType().Name,
            });
            return;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.Status != 200)
        {
            recorder.RecordError($"HTTP {response.Status}");
            return;
        }
        ExpectedRepliesScan replies;
        try
        {
            replies = ExpectedRepliesScan.Read(response.Body.Span, "MVAI-"u8);
        }
        catch (JsonException)
        {
            recorder.RecordError("malformed expectReplies body");
            return;
        }
        if (line != ConversationScript.Join && replies.Activities == 0)
        {
            recorder.RecordError("no reply");
            return;
        }
        recorder.Record(step, elapsed.TotalMilliseconds);
        // The last turn must say the request was stored: a run that stops short of it measures less than it claims.
        if (step == script.Turns.Count - 1 && !replies.TextMentionsMarker)
        {
            recorder.RecordError("intake not confirmed");
        }
    }
}
