using System.Text.Json.Serialization;

namespace Mvai.Bot.WebChat;

/// <summary>What the page receives.</summary>
internal sealed record WebChatToken(
    string Token, string ConversationId, string UserId, [property: JsonPropertyName("expires_in")] int ExpiresIn);
