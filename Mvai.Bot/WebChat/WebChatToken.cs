using System.Text.Json.Serialization;

namespace Mvai.Bot.WebChat;

/// <summary>What the page receives; <c>Domain</c> is the Direct Line base URL to give <c>createDirectLine</c>.</summary>
internal sealed record WebChatToken(
    string Token,
    string ConversationId,
    string UserId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string Domain);
