using System.Text.Json.Serialization;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>The Direct Line 3.0 wire format, with the same conventions as <see cref="ProtocolJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ConversationInfo))]
[JsonSerializable(typeof(ActivitySet))]
[JsonSerializable(typeof(TokenRequest))]
internal sealed partial class DirectLineJson : JsonSerializerContext;
