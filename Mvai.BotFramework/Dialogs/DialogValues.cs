using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mvai.BotFramework.Dialogs;

/// <summary>
/// Typed reads from the string-keyed bags that dialogs persist. Storage gives back plain JSON, so a value
/// may be a live object (set this turn) or a JSON element (loaded); both are converted by the requested type.
/// </summary>
public static class DialogValues
{
    /// <summary>Plain JSON, camelCase, no type names: the same settings the state layer writes with.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads <paramref name="key"/> as <typeparamref name="T"/>. A converted value is written back into the bag,
    /// so a mutable object read here and then changed is what gets saved at the end of the turn.
    /// </summary>
    public static T? Get<T>(IDictionary<string, object?> bag, string key)
    {
        ArgumentNullException.ThrowIfNull(bag);
        if (!bag.TryGetValue(key, out var raw) || raw is null)
        {
            return default;
        }
        if (raw is T typed)
        {
            return typed;
        }
        var converted = Convert<T>(raw);
        bag[key] = converted;
        return converted;
    }

    /// <summary>Converts a live or loaded value to <typeparamref name="T"/> through JSON.</summary>
    public static T? Convert<T>(object? raw) => raw switch
    {
        null => default,
        T typed => typed,
        JsonElement element => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
            ? default
            : element.Deserialize<T>(SerializerOptions),
        JsonNode node => node.Deserialize<T>(SerializerOptions),
        _ => JsonSerializer.SerializeToElement(raw, raw.GetType(), SerializerOptions).Deserialize<T>(SerializerOptions),
    };
}
