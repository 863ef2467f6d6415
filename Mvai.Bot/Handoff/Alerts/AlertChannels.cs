namespace Mvai.Bot.Handoff.Alerts;

/// <summary>Names of delivery channels as stored in the outbox.</summary>
internal static class AlertChannels
{
    public const string Email = "email";
    public const string Webhook = "webhook";
}
