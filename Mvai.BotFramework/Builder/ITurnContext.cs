using System.Security.Claims;
using Mvai.BotFramework.Protocol;

namespace Mvai.BotFramework.Builder;

/// <summary>Called before activities leave the bot; may change, drop or observe them, then calls <paramref name="next"/>.</summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext, IList<Activity> activities, Func<Task<ResourceResponse[]>> next);

/// <summary>One turn of a conversation: the incoming activity and the means to answer it.</summary>
public interface ITurnContext
{
    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>Who sent the request, as established by authentication (anonymous in local development).</summary>
    ClaimsIdentity Identity { get; }

    /// <summary>Per-turn services and cached state, keyed by name.</summary>
    IDictionary<string, object> TurnState { get; }

    /// <summary>Whether the bot has sent anything to the user this turn (typing and traces excluded).</summary>
    bool Responded { get; }

    /// <summary>Sends activities, filling in the addressing from the incoming activity.</summary>
    Task<ResourceResponse[]> SendActivitiesAsync(IList<Activity> activities, CancellationToken cancellationToken = default);

    /// <summary>Replaces an activity the bot sent earlier (e.g. to refresh a card).</summary>
    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Deletes an activity the bot sent earlier.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Registers a handler that sees every outgoing batch of this turn.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);
}
