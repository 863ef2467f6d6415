using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mvai.Bot.BotFramework.Protocol;

/// <summary>
/// The wire format of the Bot Framework: camelCase, nulls omitted, unknown properties kept.
/// Source-generated so parsing an activity costs no reflection on the hot path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(List<Activity>))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class ProtocolJson : JsonSerializerContext
{
    /// <summary>Parses an activity; throws <see cref="JsonException"/> for malformed JSON.</summary>
    public static Activity? ParseActivity(ReadOnlySpan<byte> utf8)
    {
        EnsureStringsAreText(utf8);
        return JsonSerializer.Deserialize(utf8, Default.Activity);
    }

    /// <summary>
    /// Throws <see cref="JsonException"/> when a string escapes a lone surrogate (<c>"\uD800"</c>). JSON allows it, but
    /// no .NET string operation can write it out again: kept in <c>value</c> or <c>channelData</c>, it would fail the turn
    /// when the state or transcript holding it is saved. Only escaped strings are decoded, so ordinary bodies cost one scan.
    /// </summary>
    public static void EnsureStringsAreText(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
            {
                try
                {
                    _ = reader.GetString();
                }
                catch (InvalidOperationException exception)
                {
                    throw new JsonException($"A string holds an unpaired surrogate escape at byte {reader.TokenStartIndex}.", exception);
                }
            }
        }
    }

    /// <summary>Serializes an activity to its wire JSON.</summary>
    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Default.Activity);
}

/// <summary>The <c>application/vnd.microsoft.error</c>-style body used for protocol errors.</summary>
public sealed record ErrorResponse(ErrorDetail Error);

/// <summary>A code and a human-readable reason.</summary>
public sealed record ErrorDetail(string Code, string Message);
