using System.Net.WebSockets;
using System.Text.Json;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// The sending side of one open stream: the backlog after the watermark, then new activities as the
/// notifier announces them (or a periodic re-read of the log finds them), and empty keep-alive frames.
/// Only this class sends on the socket, so sends never overlap.
/// </summary>
internal sealed class DirectLineStreamSender(WebSocket socket, IActivityLog log, string conversationId, DirectLineOptions options, long watermark)
{
    private long _lastSend = Environment.TickCount64;

    public async Task RunAsync(ActivityNotifier.Subscription subscription, CancellationToken cancellationToken)
    {
        await SendNewAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            var notification = await WaitAsync(subscription, cancellationToken);
            if (notification?.Transient is { } transient)
            {
                await SendAsync(new ActivitySet([transient], ActivityIds.FormatWatermark(watermark)), cancellationToken);
            }
            else
            {
                await SendNewAsync(cancellationToken);
            }
            if (Environment.TickCount64 - _lastSend >= options.KeepAliveInterval.TotalMilliseconds)
            {
                await SendFrameAsync([], cancellationToken);
            }
        }
    }

    private async Task<ActivityNotifier.Notification?> WaitAsync(ActivityNotifier.Subscription subscription, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(options.StreamPollInterval);
        try
        {
            await subscription.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        return subscription.Reader.TryRead(out var notification) ? notification : null;
    }

    private async Task SendNewAsync(CancellationToken cancellationToken)
    {
        ActivityPage page;
        do
        {
            page = await log.ReadAsync(conversationId, watermark, options.MaxActivitiesPerRead, cancellationToken);
            if (page.Activities.Count == 0)
            {
                return;
            }
            watermark = page.Watermark;
            await SendAsync(new ActivitySet(page.Activities, ActivityIds.FormatWatermark(watermark)), cancellationToken);
        }
        while (page.Activities.Count == options.MaxActivitiesPerRead);
    }

    private Task SendAsync(ActivitySet set, CancellationToken cancellationToken) =>
        SendFrameAsync(JsonSerializer.SerializeToUtf8Bytes(set, DirectLineJson.Default.ActivitySet), cancellationToken);

    private async Task SendFrameAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        _lastSend = Environment.TickCount64;
    }
}
