using Microsoft.Extensions.Options;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.DirectLine;

/// <summary>
/// The bot's side of the embedded Direct Line: replies are stamped as the bot's, appended to the log
/// and pushed to open streams. Typing goes to streams only. Registered as <see cref="IInProcessChannel"/>
/// so proactive messages addressed to <see cref="ServiceUrl"/> arrive here too.
/// </summary>
internal sealed class DirectLineChannel(
    IActivityLog log, ActivityNotifier notifier, IOptions<DirectLineOptions> options, TimeProvider clock) : IInProcessChannel
{
    /// <summary>Never resolvable (<c>.invalid</c>): it only names this in-process channel.</summary>
    public const string EmbeddedServiceUrl = "https://embedded.directline.invalid/";

    public string ServiceUrl => EmbeddedServiceUrl;

    /// <summary>The bot's account as Direct Line shows it.</summary>
    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = RoleTypes.Bot };

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity names no conversation.");
        activity.From = Bot;
        activity.Timestamp = clock.GetUtcNow();
        activity.ChannelId = Channels.Directline;
        activity.ServiceUrl = ServiceUrl;
        if (activity.IsType(ActivityTypes.Typing))
        {
            activity.Id = $"{conversationId}|typing-{Guid.NewGuid():N}";
            notifier.Publish(conversationId, activity);
            return new ResourceResponse(activity.Id);
        }
        await log.AppendAsync(conversationId, activity, cancellationToken);
        notifier.Publish(conversationId, transient: null);
        return new ResourceResponse(activity.Id);
    }

    /// <summary>Direct Line 3.0 has no update; Azure answers the same way.</summary>
    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support updating activities.");

    /// <summary>Direct Line 3.0 has no delete; Azure answers the same way.</summary>
    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Direct Line does not support deleting activities.");
}
