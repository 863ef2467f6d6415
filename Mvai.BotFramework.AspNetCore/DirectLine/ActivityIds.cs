using System.Globalization;

namespace Mvai.BotFramework.DirectLine;

/// <summary>Activity ids, watermarks and conversation ids of the embedded Direct Line.</summary>
internal static class ActivityIds
{
    public static string For(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    public static string NewConversationId() =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + "-dl";

    /// <summary>Parses a watermark; an empty one means the start of the conversation.</summary>
    public static bool TryParseWatermark(string? value, out long watermark)
    {
        watermark = 0;
        return string.IsNullOrEmpty(value)
            || (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out watermark) && watermark >= 0);
    }

    public static string FormatWatermark(long watermark) => watermark.ToString(CultureInfo.InvariantCulture);
}
