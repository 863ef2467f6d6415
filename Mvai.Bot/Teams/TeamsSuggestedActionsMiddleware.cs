using Mvai.BotFramework.Dialogs.Choices;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;

namespace Mvai.Bot.Teams;

/// <summary>
/// Teams shows suggested actions only in personal chats and only three of them; anywhere else they would
/// silently vanish. Outgoing Teams messages whose suggested actions Teams cannot show get the same buttons
/// on a hero card instead (imBack: pressing one sends the same text), so the bot itself stays channel-agnostic.
/// </summary>
internal sealed class TeamsSuggestedActionsMiddleware : IBotMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.IsTeams())
        {
            turnContext.OnSendActivities((context, activities, send) =>
            {
                foreach (var activity in activities)
                {
                    MoveUnsupportedSuggestedActionsToCard(activity, context.Activity.Conversation?.ConversationType);
                }
                return send();
            });
        }
        return next(cancellationToken);
    }

    internal static void MoveUnsupportedSuggestedActionsToCard(Activity activity, string? incomingConversationType)
    {
        if (activity.SuggestedActions?.Actions is not { Count: > 0 } actions)
        {
            return;
        }
        var conversationType = activity.Conversation?.ConversationType ?? incomingConversationType;
        if (ChannelCapabilities.SupportsSuggestedActions(Channels.Msteams, conversationType, actions.Count))
        {
            return;
        }
        var choices = actions.Select(action => new Choice(action.Title ?? string.Empty) { Action = action });
        activity.Attachments = [.. activity.Attachments ?? [], ChoiceFactory.HeroCard(null, choices)];
        activity.SuggestedActions = null;
    }
}
