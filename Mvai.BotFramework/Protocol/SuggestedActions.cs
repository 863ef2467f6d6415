using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mvai.BotFramework.Protocol;

/// <summary>Quick-reply buttons shown under a message until the user answers.</summary>
public sealed class SuggestedActions
{
    public IList<string>? To { get; set; }
    public IList<CardAction> Actions { get; set; } = [];

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>A clickable action on a card or in suggested actions.</summary>
public sealed class CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonNode? Value { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>An imBack button: clicking it sends <paramref name="title"/> as the user's message.</summary>
    public static CardAction ImBack(string title) => new() { Type = ActionTypes.ImBack, Title = title, Value = title };
}
