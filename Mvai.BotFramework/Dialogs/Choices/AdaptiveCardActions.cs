using System.Text.Json.Nodes;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Dialogs.Choices;

/// <summary>Adaptive Card actions that behave like an imBack button on each channel.</summary>
public static class AdaptiveCardActions
{
    /// <summary>
    /// An Action.Submit that sends <paramref name="text"/> as the user's message: Teams needs the
    /// <c>msteams</c> imBack envelope; Web Chat sends string <c>data</c> as an imBack on its own.
    /// </summary>
    /// <param name="text">The button title and the text it sends.</param>
    /// <param name="channelId">The channel the card goes to.</param>
    public static JsonObject ImBack(string text, string? channelId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = text,
        ["data"] = channelId == Channels.Msteams
            ? new JsonObject { ["msteams"] = new JsonObject { ["type"] = ActionTypes.ImBack, ["value"] = text } }
            : JsonValue.Create(text),
    };
}
