using Mvai.Bot.BotFramework.Hosting;

namespace Mvai.Bot.BotFramework.State;

/// <summary>State shared by everyone in one conversation, keyed <c>{channelId}/conversations/{conversationId}</c>.</summary>
public sealed class ConversationState(IStorage storage) : BotState(storage, nameof(ConversationState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var conversationId = activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation id.");
        return $"{channelId}/conversations/{conversationId}";
    }
}
