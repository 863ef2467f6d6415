using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Connector;

/// <summary>Delivers a turn's activities to a channel through its Connector REST API.</summary>
internal sealed class ConnectorChannelConnection(ConnectorClient client, string serviceUrl) : IChannelConnection
{
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Traces are for the Emulator's inspector only; other channels would show them to the user.
        if (activity.IsType(ActivityTypes.Trace) && !string.Equals(activity.ChannelId, Channels.Emulator, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(new ResourceResponse(null));
        }
        return client.SendAsync(serviceUrl, activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        client.UpdateAsync(serviceUrl, activity, cancellationToken);

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        client.DeleteAsync(serviceUrl, reference.Conversation?.Id ?? string.Empty, activityId, cancellationToken);
}
