using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.State;

/// <summary>State shared by everyone in one conversation, keyed <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        return KeyFor(channelId, conversationId);
    }

    /// <summary>The storage key of a conversation's state, for deleting it outside a turn.</summary>
    public static string KeyFor(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";
}
