using System.Text.Json;
using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Answering;

/// <summary>Builds an <see cref="Entity"/> from a JSON object whose <c>type</c> property names its kind.</summary>
internal static class EntityJson
{
    public static Entity From(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json.ToJsonString());
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "type"))
        {
            properties[property.Name] = property.Value.Clone();
        }
        return new Entity { Type = json["type"]?.GetValue<string>(), Properties = properties };
    }
}
