using System.Text.Json.Serialization;

namespace Mvai.Bot.WebChat;

/// <summary>Source-generated JSON for the page's endpoint and Azure's token calls.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebChatToken))]
[JsonSerializable(typeof(WebChatError))]
[JsonSerializable(typeof(AzureTokenRequest))]
[JsonSerializable(typeof(AzureTokenResponse))]
internal sealed partial class WebChatJson : JsonSerializerContext;
