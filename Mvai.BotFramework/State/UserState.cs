using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.State;

/// <summary>State that follows one user across conversations on a channel, keyed <c>{channelId}/users/{userId}</c>.</summary>
public sealed class UserState(IStorage storage) : BotState(storage, nameof(UserState))
{
    protected override string GetStorageKey(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var channelId = activity.ChannelId ?? throw new InvalidOperationException("The activity has no channelId.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("The activity has no sender id.");
        return $"{channelId}/users/{userId}";
    }
}
