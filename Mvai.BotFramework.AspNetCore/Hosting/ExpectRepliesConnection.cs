using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.Builder;

namespace Mvai.BotFramework.Hosting;

/// <summary>
/// Collects everything a turn sends when the request said <c>deliveryMode: expectReplies</c>:
/// nothing goes to a connector, the activities come back in the HTTP response.
/// </summary>
internal sealed class ExpectRepliesConnection : IChannelConnection
{
    private readonly List<Activity> _activities = [];

    public IList<Activity> Activities => _activities;

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        lock (_activities)
        {
            _activities.Add(activity);
        }
        return Task.FromResult(new ResourceResponse(string.Empty));
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken) =>
        SendAsync(activity, cancellationToken);

    public Task DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
