using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Submits alert e-mails over SMTP with MailKit, one connection per send.</summary>
internal sealed class EmailAlertSender(IOptions<AdvisorAlertsOptions> options) : IAlertSender
{
    public string Channel => AlertChannels.Email;

    public async Task SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var smtp = settings.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new AlertChannelNotConfiguredException(Channel);
        }
        var message = AlertEmail.Compose(delivery, smtp.From);
        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, ToMailKit(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
