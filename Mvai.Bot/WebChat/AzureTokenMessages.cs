using System.Text.Json.Serialization;

namespace Mvai.Bot.WebChat;

/// <summary>Body of Azure's <c>tokens/generate</c>: the user the token is bound to and the origins that may use it.</summary>
internal sealed record AzureTokenRequest(AzureTokenUser User, IReadOnlyList<string> TrustedOrigins);

internal sealed record AzureTokenUser(string Id);

/// <summary>Azure's answer: <c>{conversationId, token, expires_in}</c>.</summary>
internal sealed record AzureTokenResponse(
    string? ConversationId, string? Token, [property: JsonPropertyName("expires_in")] int ExpiresIn);
