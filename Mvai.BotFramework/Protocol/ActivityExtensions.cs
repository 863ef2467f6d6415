using System.Text.Json;

namespace Mvai.BotFramework.Protocol;

/// <summary>Helpers over incoming activities.</summary>
public static class ActivityExtensions
{
    /// <summary>
    /// Removes the bot's own @mention from the text (Teams group and channel chats prefix messages with
    /// <c>&lt;at&gt;Bot&lt;/at&gt;</c>). Other people's mentions stay: they may be part of what the user means.
    /// </summary>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text;
        if (string.IsNullOrEmpty(text) || activity.Entities is null || activity.Recipient?.Id is not { } botId)
        {
            return text;
        }
        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || entity.Properties is null
                || !entity.Properties.TryGetValue("mentioned", out var mentioned)
                || mentioned.ValueKind != JsonValueKind.Object
                || !mentioned.TryGetProperty("id", out var id)
                || id.GetString() != botId
                || entity.GetString("text") is not { Length: > 0 } mentionText)
            {
                continue;
            }
            text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
        }
        return text.Trim();
    }

    /// <summary>Whether a message is an Adaptive Card submit: a <c>value</c> and no text.</summary>
    /// <summary>Whether the activity came from <paramref name="channelId"/> (<see cref="Channels"/>), in any case.</summary>
    public static bool IsFromChannel(this Activity activity, string channelId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.ChannelId, channelId, StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsCardSubmit(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.IsType(ActivityTypes.Message) && string.IsNullOrWhiteSpace(activity.Text) && activity.Value is not null;
    }
}
