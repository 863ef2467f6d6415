using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Builder;

/// <summary>
/// Starts turns that no channel request carries: advisor replies, late answers, timers. Features that send proactively
/// depend on this, not on the HTTP adapter that implements it (Agents-for-net's <c>IChannelAdapter</c>).
/// </summary>
public interface IChannelAdapter
{
    /// <summary>
    /// Sends into an existing conversation outside of a user's turn. The callback sees a turn whose activity is a
    /// <see cref="ActivityEventNames.ContinueConversation"/> event built from <paramref name="reference"/>; it runs through the middleware, one
    /// turn at a time with the conversation's other turns. An error reaches the caller, who can retry.
    /// </summary>
    Task ContinueConversationAsync(
        ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken);

    /// <summary>
    /// Runs an activity that did not arrive over HTTP (a hub's <c>handoff.status</c>, a timer's event) through the
    /// middleware and the bot, one turn at a time with the conversation's other turns; replies go to its channel.
    /// </summary>
    Task ProcessProactiveAsync(Activity activity, CancellationToken cancellationToken);
}
