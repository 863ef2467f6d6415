using System.Globalization;
using System.Text;
using MimeKit;

namespace Mvai.Bot.Handoff.Alerts;

/// <summary>The plain-text e-mail an advisor receives; readable on a phone at 3 AM.</summary>
internal static class AlertEmail
{
    public static MimeMessage Compose(AlertDelivery delivery, string from)
    {
        var alert = delivery.Alert;
        var message = new MimeMessage
        {
            Subject = Subject(alert),
            // The same id on a resend (at-least-once delivery) lets mail clients fold duplicates together.
            MessageId = $"alert-{delivery.AlertId}-{delivery.Id}@mvai-assistant",
            Body = new TextPart("plain") { Text = Body(alert) },
        };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(delivery.Recipient));
        return message;
    }

    public static string Subject(AdvisorAlert alert) =>
        string.Create(CultureInfo.InvariantCulture, $"[MVAI priority {alert.Priority}] {alert.Title} ({alert.CaseId})");

    private static string Body(AdvisorAlert alert)
    {
        var text = new StringBuilder();
        text.AppendLine(alert.Title).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Case: {alert.CaseId}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Priority: {alert.Priority}").AppendLine();
        foreach (var (label, value) in alert.Details)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        }
        if (alert.ConsoleLink is { } link)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Open the case in the advisor console: {link.AbsoluteUri}");
        }
        text.AppendLine().AppendLine("Sent by the MVAI Assistant. Reach the user through the advisor console or the callback details above.");
        return text.ToString();
    }
}
