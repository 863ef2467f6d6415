using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mvai.BotFramework.Protocol;

/// <summary>
/// The wire format of the Bot Framework: camelCase, nulls omitted, unknown properties kept, repeated properties refused.
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
        EnsureReadable(utf8);
        return JsonSerializer.Deserialize(utf8, Default.Activity);
    }

    /// <summary>
    /// Throws <see cref="JsonException"/> for what JSON allows but would fail a turn later, far from the cause:
    /// a string escaping a lone surrogate (<c>"\uD800"</c>), which no .NET writer can put out again when the state
    /// or transcript holding it is saved; and an object repeating a property name, which <c>JsonObject</c> accepts
    /// lazily and then throws for ("same key already added") when the bot reads <c>value</c> or <c>channelData</c>.
    /// </summary>
    public static void EnsureReadable(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        var names = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    names.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    names.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    if (!names.Peek().Add(ReadString(ref reader)))
                    {
                        throw new JsonException($"A property name is repeated in one object at byte {reader.TokenStartIndex}.");
                    }
                    break;
                case JsonTokenType.String when reader.ValueIsEscaped:
                    _ = ReadString(ref reader);
                    break;
            }
        }
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException exception)
        {
            throw new JsonException($"A string holds an unpaired surrogate escape at byte {reader.TokenStartIndex}.", exception);
        }
    }

    /// <summary>Serializes an activity to its wire JSON.</summary>
    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Default.Activity);
}

/// <summary>The <c>application/vnd.microsoft.error</c>-style body used for protocol errors.</summary>
public sealed record ErrorResponse(ErrorDetail Error);

/// <summary>A code and a human-readable reason.</summary>
public sealed record ErrorDetail(string Code, string Message);
