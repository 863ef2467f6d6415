using System.Text.Json.Serialization;

namespace Mvai.BotFramework.DirectLine;

/// <summary>The answer to token and conversation calls: <c>{conversationId, token, expires_in, streamUrl}</c>.</summary>
internal sealed record ConversationInfo(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null);
