using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// The ids an activity must carry in a shape the rest of the turn can use: they become state keys and the path of
/// the Connector URL replies go to, so an id a channel could never have sent would fail the turn only after it ran.
/// </summary>
public static class ActivityEnvelope
{
    /// <summary>Longest accepted id. Channels' ids are far shorter (Teams' run to about 200 characters).</summary>
    public const int MaxIdLength = 512;

    /// <summary>What is wrong with the activity's ids, or null when nothing is.</summary>
    public static (string Code, string Message)? Problem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return ("MissingConversation", "The activity has no 'conversation.id'.");
        }
        if (!IsUsable(activity.Conversation.Id))
        {
            return ("BadConversationId", $"'conversation.id' must be at most {MaxIdLength} characters, without control characters.");
        }
        if (activity.Id is not null && !IsUsable(activity.Id))
        {
            return ("BadActivityId", $"'id' must be at most {MaxIdLength} characters, without control characters.");
        }
        return null;
    }

    /// <summary>The channel id keys the conversation's state; every channel sends one.</summary>
    public static (string Code, string Message)? ChannelProblem(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.IsNullOrWhiteSpace(activity.ChannelId) || !IsUsable(activity.ChannelId)
            ? ("MissingChannelId", $"The activity needs a 'channelId' of at most {MaxIdLength} characters, without control characters.")
            : null;
    }

    private static bool IsUsable(string id) => id.Length <= MaxIdLength && !id.Any(char.IsControl);
}
