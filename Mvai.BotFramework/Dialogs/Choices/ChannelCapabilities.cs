using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>What a channel can render, the limits the Bot Framework documents per channel.</summary>
public static class ChannelCapabilities
{
    /// <summary>
    /// Suggested actions: Teams shows them only in personal chats and only three; the Direct Line family up to 100.
    /// </summary>
    public static bool SupportsSuggestedActions(string? channelId, string? conversationType, int buttonCount) => channelId switch
    {
        Channels.Msteams => string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase) && buttonCount <= 3,
        Channels.Directline or Channels.Webchat or Channels.Emulator or Channels.Test => buttonCount <= 100,
        _ => false,
    };

    /// <summary>Card buttons (imBack): Teams renders up to 50 on a hero card, the Direct Line family up to 100.</summary>
    public static bool SupportsCardActions(string? channelId, int buttonCount) => channelId switch
    {
        Channels.Msteams => buttonCount <= 50,
        Channels.Directline or Channels.Webchat or Channels.Emulator or Channels.Test => buttonCount <= 100,
        _ => false,
    };

    /// <summary>Adaptive Cards: Teams and the Direct Line family (Web Chat, Emulator) render them; other channels get text.</summary>
    public static bool SupportsAdaptiveCards(string? channelId) =>
        channelId is Channels.Msteams or Channels.Directline or Channels.Webchat or Channels.Emulator;
}
