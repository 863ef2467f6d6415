using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Tests.Infrastructure;

/// <summary>Where a <see cref="Conversation"/> sends its turns: the app in this process or in a child process.</summary>
public interface IBotEndpoint
{
    /// <summary>Sends with <c>deliveryMode: expectReplies</c> and returns what the bot said this turn.</summary>
    Task<IList<Activity>> ExpectRepliesAsync(Activity activity);
}
