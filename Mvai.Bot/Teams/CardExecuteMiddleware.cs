using System.Text.Json.Nodes;
using Mvai.Bot.Assistant;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.Bot.Intake;

namespace Mvai.Bot.Teams;

/// <summary>
/// An Adaptive Card's Action.Execute (Universal Actions) arrives as an <c>adaptiveCard/action</c> invoke, where
/// Action.Submit arrives as a message with <c>value</c>. When the action carries the intake summary card's data,
/// the turn is handed to the bot as that message, so the card drives the same prompt either way; the invoke
/// itself is answered in the HTTP body with a short text, as Teams requires, and the bot's replies follow as
/// messages. Other Execute actions reach the bot as the invoke they are.
/// </summary>
internal sealed class CardExecuteMiddleware : IBotMiddleware
{
    public const string InvokeName = "adaptiveCard/action";

    public async Task OnTurnAsync(ITurnContext turnContext, Func<CancellationToken, Task> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Invoke) || activity.Name != InvokeName
            || (activity.Value as JsonObject)?["action"] is not JsonObject action
            || action["type"] is not JsonValue type || !type.TryGetValue<string>(out var actionType) || actionType != "Action.Execute"
            || action["data"] is not JsonObject data || !data.ContainsKey(IntakeSummary.ActionKey))
        {
            await next(cancellationToken);
            return;
        }
        var invoke = (activity.Type, activity.Name, activity.Value);
        (activity.Type, activity.Name, activity.Text, activity.Value) = (ActivityTypes.Message, null, null, data.DeepClone());
        try
        {
            await next(cancellationToken);
        }
        finally
        {
            // The adapter's error handling must still see an invoke, so a failure gets an invoke error response.
            (activity.Type, activity.Name, activity.Value) = invoke;
        }
        await turnContext.SendInvokeResponseAsync(new InvokeResponse(200, new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.activity.message",
            ["value"] = AssistantMessages.CardActionReceived,
        }), cancellationToken);
    }
}
