using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Builder;

/// <summary>
/// Where a turn's outgoing activities go: the Connector REST API of the channel, the expectReplies
/// buffer, or a channel hosted in this process (the embedded Direct Line).
/// </summary>
public interface IChannelConnection
{
    /// <summary>Sends one addressed activity; replies when <see cref="Activity.ReplyToId"/> is set.</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken);

    Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken);
}

/// <summary>A channel that lives inside this process and is reached without HTTP, by its service URL.</summary>
public interface IInProcessChannel : IChannelConnection
{
    /// <summary>The service URL this channel stamps on its activities.</summary>
    string ServiceUrl { get; }
}
