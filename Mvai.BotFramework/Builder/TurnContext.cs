using System.Security.Claims;
using System.Text.Json;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Builder;

/// <inheritdoc cref="ITurnContext"/>
internal sealed class TurnContext(Activity activity, ClaimsIdentity identity, IChannelConnection connection) : ITurnContext
{
    private readonly List<SendActivitiesHandler> _onSend = [];

    public Activity Activity { get; } = activity;
    public ClaimsIdentity Identity { get; } = identity;
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>(StringComparer.Ordinal);
    public bool Responded { get; private set; }

    /// <summary>The invoke answer the bot set this turn, if any.</summary>
    public InvokeResponse? InvokeResponse { get; private set; }

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _onSend.Add(handler);
        return this;
    }

    public async Task<ResourceResponse[]> SendActivitiesAsync(IList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var reference = Activity.GetConversationReference();
        var addressed = activities.Select(a => ApplyReference(a, reference)).ToList();
        return await RunHandlersAsync(0, addressed, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default) =>
        connection.UpdateAsync(ApplyReference(activity, Activity.GetConversationReference()), cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default) =>
        connection.DeleteAsync(Activity.GetConversationReference(), activityId, cancellationToken);

    private Task<ResourceResponse[]> RunHandlersAsync(int index, IList<Activity> activities, CancellationToken cancellationToken) =>
        index < _onSend.Count
            ? _onSend[index](this, activities, () => RunHandlersAsync(index + 1, activities, cancellationToken))
            : DeliverAsync(activities, cancellationToken);

    private async Task<ResourceResponse[]> DeliverAsync(IList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var outgoing = activities[i];
            if (outgoing.IsType(ActivityTypes.InvokeResponse))
            {
                // Never on the wire: the adapter writes it into the HTTP response of the invoke.
                InvokeResponse = outgoing.Value?.Deserialize(ProtocolJson.Default.InvokeResponse);
                responses[i] = new ResourceResponse(string.Empty);
                continue;
            }
            responses[i] = await connection.SendAsync(outgoing, cancellationToken);
            if (!outgoing.IsType(ActivityTypes.Trace) && !outgoing.IsType(ActivityTypes.Typing))
            {
                Responded = true;
            }
        }
        return responses;
    }

    private static Activity ApplyReference(Activity activity, ConversationReference reference)
    {
        activity.ChannelId ??= reference.ChannelId;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.Conversation ??= reference.Conversation;
        activity.From ??= reference.Bot is null ? null : new ChannelAccount { Id = reference.Bot.Id, Name = reference.Bot.Name, Role = RoleTypes.Bot };
        activity.Recipient ??= reference.User;
        activity.Locale ??= reference.Locale;
        activity.Timestamp ??= DateTimeOffset.UtcNow;
        if (activity.ReplyToId is null && !activity.IsType(ActivityTypes.ConversationUpdate))
        {
            activity.ReplyToId = reference.ActivityId;
        }
        return activity;
    }
}
