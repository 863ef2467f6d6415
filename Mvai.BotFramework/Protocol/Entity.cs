using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mvai.BotFramework.Protocol;

/// <summary>
/// Metadata attached to an activity (mention, clientInfo, ClientCapabilities, streaminfo...).
/// Only <see cref="Type"/> is common to all kinds; the rest lives in <see cref="Properties"/>.
/// </summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>Reads a string property of the entity, or null.</summary>
    public string? GetString(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
