namespace Mvai.Bot.Assistant;

/// <summary>Event names Web Chat pages send.</summary>
public static class WebChatEvents
{
    /// <summary>Sent by our page once Direct Line connects, so the bot can greet first.</summary>
    public const string Join = "webchat/join";
}
