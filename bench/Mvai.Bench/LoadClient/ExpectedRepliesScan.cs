using System.Text.Json;

namespace Mvai.Bench.LoadClient;

/// <summary>
/// What the bench checks in an expectReplies body, read with <see cref="Utf8JsonReader"/> instead of deserializing
/// every activity: how many activities came back, and whether one's text holds a marker.
/// </summary>
internal readonly record struct ExpectedRepliesScan(int Activities, bool TextMentionsMarker)
{
    /// <summary>Scans <c>{"activities":[{..., "text": "..."}, ...]}</c>; throws <see cref="JsonException"/> for malformed JSON.</summary>
    /// <remarks>An empty <paramref name="marker"/> is never found.</remarks>
    public static ExpectedRepliesScan Read(ReadOnlySpan<byte> body, ReadOnlySpan<byte> marker)
    {
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("An expectReplies body is a JSON object.");
        }
        var activities = 0;
        var mentions = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isActivities = reader.ValueTextEquals("activities"u8);
            reader.Read();
            if (!isActivities || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                activities++;
                mentions |= ScanActivity(ref reader, marker);
            }
        }
        return new ExpectedRepliesScan(activities, mentions);
    }

    /// <summary>Reads one activity object to its end; whether its top-level text holds the marker.</summary>
    private static bool ScanActivity(ref Utf8JsonReader reader, ReadOnlySpan<byte> marker)
    {
        var mentions = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isText = reader.ValueTextEquals("text"u8);
            reader.Read();
            // The marker is plain ASCII, which the writer never escapes, so the raw value bytes can be searched.
            if (isText && reader.TokenType == JsonTokenType.String && !marker.IsEmpty && reader.ValueSpan.IndexOf(marker) >= 0)
            {
                mentions = true;
            }
            reader.Skip();
        }
        return mentions;
    }
}
