using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using Mvai.BotFramework.Diagnostics;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// The WebSocket behind <c>streamUrl</c>: sends ActivitySets as text frames, the backlog after the
/// watermark first, then whatever the notifier (or a periodic re-read of the log) brings, and an
/// empty frame as a keep-alive when nothing was sent for a while. Messages from the client are ignored.
/// </summary>
internal static class DirectLineStreamEndpoint
{
    public static async Task HandleAsync(
        HttpContext http, string conversationId, DirectLineAuthorizer authorizer, IActivityLog log, ActivityNotifier notifier,
        IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime, ILogger<DirectLineChannel> logger)
    {
        var credential = http.Request.Query["t"].ToString();
        if (await DirectLineConversationEndpoints.ScopedCallerAsync(
            http, conversationId, authorizer, log, credential.Length > 0 ? credential : null) is null)
        {
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await DirectLineHttp.ErrorAsync(http, 400, "BadArgument", "This URL only accepts WebSocket connections.");
            return;
        }
        if (!ActivityIds.TryParseWatermark(http.Request.Query["watermark"], out var watermark))
        {
            await DirectLineHttp.ErrorAsync(http, 400, "BadArgument", "The watermark is not valid.");
            return;
        }

        using var subscription = notifier.Subscribe(conversationId);
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        DirectLineLog.StreamOpened(logger, conversationId);
        var stream = new DirectLineStreamSender(socket, log, conversationId, options.Value, watermark);
        var receiving = DrainAsync(socket, stop);
        try
        {
            await stream.RunAsync(subscription, stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away or the app is stopping.
        }
        catch (Exception exception)
        {
            DirectLineLog.StreamFailed(logger, RedactedException.From(exception), conversationId);
        }
        await stop.CancelAsync();
        await receiving;
        await CloseAsync(socket);
        DirectLineLog.StreamClosed(logger, conversationId);
    }

    /// <summary>Reads (and ignores) client frames until the client closes, then stops the sender.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, stop.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Closing anyway.
        }
        await stop.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Already gone.
        }
    }
}
