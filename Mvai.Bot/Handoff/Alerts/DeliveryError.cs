using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>
/// A short, safe description of a failed send for logs and the outbox. Exception messages are never used:
/// SMTP replies often quote the recipient address.
/// </summary>
internal static class DeliveryError
{
    public static string Describe(Exception exception) => exception switch
    {
        AlertChannelNotConfiguredException => exception.Message,
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}",
        SmtpProtocolException => "SMTP protocol error",
        AuthenticationException => "SMTP authentication failed",
        SslHandshakeException => "TLS handshake failed",
        ServiceNotConnectedException => "SMTP connection lost",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException http when Socket(http) is { } socket => $"HTTP {http.HttpRequestError}: {socket.SocketErrorCode}",
        HttpRequestException http => $"HTTP {http.HttpRequestError}",
        OperationCanceledException or TimeoutException => "Timed out",
        _ when Socket(exception) is { } socket => $"Socket {socket.SocketErrorCode}",
        _ => exception.GetType().Name,
    };

    private static SocketException? Socket(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket;
            }
        }
        return null;
    }
}

/// <summary>A delivery is due for a channel whose configuration was removed since it was stored; it waits for it to return.</summary>
internal sealed class AlertChannelNotConfiguredException(string channel)
    : InvalidOperationException($"The {channel} channel is not configured");
