using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Mvai.Bench.LoadClient;

namespace Mvai.Bench;

/// <summary>
/// One simulated user on its own keep-alive connection: runs a <see cref="ConversationScript"/> over and over, each
/// time in a new conversation. Advisor turns go through the shared <see cref="AdvisorClient"/>. A turn whose answer
/// is not the expected one counts as an error and ends that conversation (the rest of the script would measure a
/// conversation that has gone elsewhere).
/// </summary>
internal sealed class BenchClient(
    RawHttpConnection connection, LatencyRecorder recorder, ConversationScript script, int worker,
    string serviceUrl = BenchActivityWriter.NoConnector, AdvisorClient? advisor = null)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private int _conversations;
    private string? _caseId;
    private long _caseSequence;
    private int _variant;

    public async Task RunAsync(CancellationToken stop)
    {
        using var activities = new BenchActivityWriter($"user-{worker}", serviceUrl);
        using (connection)
        {
            while (!stop.IsCancellationRequested)
            {
                var number = Interlocked.Increment(ref _conversations);
                var conversation = $"bench-{_run}-{worker}-{number}";
                // Workers start their wording at different places, so concurrent conversations do not say the same.
                _variant = number + (worker * 37);
                (_caseId, _caseSequence) = (null, 0);
                for (var step = 0; step < script.Turns.Count && !stop.IsCancellationRequested; step++)
                {
                    var turn = script.Turns[step];
                    var ok = turn.IsAdvisor
                        ? await AdvisorAsync(conversation, step, turn, stop)
                        : await SendAsync(activities, conversation, step, turn);
                    if (!ok)
                    {
                        break;
                    }
                }
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> SendAsync(BenchActivityWriter activities, string conversation, int step, ScriptTurn turn)
    {
        var started = Stopwatch.GetTimestamp();
        var json = activities.Write(conversation, step + 1, turn, _variant);
        HttpResponse response;
        try
        {
            response = await connection.PostAsync(json);
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or SocketException or InvalidDataException)
        {
            return Failed(exception switch
            {
                TimeoutException => "timeout",
                SocketException socket => socket.SocketErrorCode.ToString(),
                IOException { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
                EndOfStreamException => "connection closed",
                _ => exception.GetType().Name,
            });
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.Status != 200)
        {
            return Failed($"HTTP {response.Status}");
        }
        ExpectedRepliesScan replies;
        try
        {
            replies = ExpectedRepliesScan.Read(response.Body.Span, turn.ExpectUtf8);
        }
        catch (JsonException)
        {
            return Failed("malformed expectReplies body");
        }
        if (Unexpected(turn, replies) is { } wrong)
        {
            return Failed($"step {step + 1}: {wrong}");
        }
        recorder.Record(step, elapsed.TotalMilliseconds);
        return true;
    }

    /// <summary>What is wrong with the replies to <paramref name="turn"/>, or null.</summary>
    internal static string? Unexpected(ScriptTurn turn, ExpectedRepliesScan replies) => turn switch
    {
        { Silent: true } when replies.Activities > 0 => "replied while the advisor held the case",
        { Silent: true } => null,
        { Expect: { } expected } when !replies.TextMentionsMarker => $"no reply saying \"{expected}\"",
        { Kind: not TurnKind.Join } when replies.Activities == 0 => "no reply",
        _ => null,
    };

    private async Task<bool> AdvisorAsync(string conversation, int step, ScriptTurn turn, CancellationToken stop)
    {
        if (advisor is null)
        {
            throw new InvalidOperationException($"Scenario '{script.Name}' needs an advisor client.");
        }
        var started = Stopwatch.GetTimestamp();
        try
        {
            switch (turn.Kind)
            {
                case TurnKind.AdvisorClaim:
                    _caseId = await advisor.ClaimAsync(conversation, stop);
                    if (_caseId is null)
                    {
                        return Failed($"step {step + 1}: no waiting case in the queue");
                    }
                    break;
                case TurnKind.AdvisorReply:
                    _caseSequence = await advisor.ReplyAsync(_caseId!, _caseSequence, turn.Text, stop);
                    break;
                default:
                    await advisor.CloseAsync(_caseId!, turn.Text, stop);
                    break;
            }
        }
        catch (AdvisorCallException exception)
        {
            return Failed(exception.Message);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return Failed($"advisor {exception.GetType().Name}");
        }
        recorder.Record(step, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private bool Failed(string kind)
    {
        recorder.RecordError(kind);
        return false;
    }
}
