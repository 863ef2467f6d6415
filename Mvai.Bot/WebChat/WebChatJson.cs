using System.Text.Json.Serialization;

namespace Mvai.Bot.WebChat;

/// <summary>Source-generated JSON for the page's endpoint.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WebChatToken))]
internal sealed partial class WebChatJson : JsonSerializerContext;
