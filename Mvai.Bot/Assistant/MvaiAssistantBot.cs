using System.Text.Json.Nodes;
using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.BotFramework.State;

namespace Mvai.Bot.Assistant;

/// <summary>
/// The assistant's turn handler: greets each conversation once (on a member joining or Web Chat's
/// <c>webchat/join</c> event, never for the bot itself) and answers messages.
/// </summary>
internal sealed class MvaiAssistantBot(ConversationState conversationState) : IBot
{
    private readonly IStatePropertyAccessor<bool> _greeted = conversationState.CreateProperty<bool>("greeted");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when JoinedSomeoneOtherThanTheBot(activity):
            case ActivityTypes.Event when activity.Name == WebChatEvents.Join:
                await GreetOnceAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke when activity.Name == "adaptiveCard/action":
                await turnContext.SendInvokeResponseAsync(new InvokeResponse(200, new JsonObject
                {
                    ["statusCode"] = 200,
                    ["type"] = "application/vnd.microsoft.activity.message",
                    ["value"] = AssistantMessages.CardActionReceived,
                }), cancellationToken);
                break;
        }
    }

    private static Task<ResourceResponse> OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.RemoveRecipientMention();
        return turnContext.SendActivityAsync(
            string.IsNullOrEmpty(text) ? AssistantMessages.EmptyMessage : AssistantMessages.Acknowledge(text),
            cancellationToken);
    }

    private async Task GreetOnceAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _greeted.GetAsync(turnContext, cancellationToken: cancellationToken))
        {
            return;
        }
        var welcome = Activity.CreateMessage(AssistantMessages.Welcome);
        welcome.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                CardAction.ImBack(AssistantMessages.RequestAssistance),
                CardAction.ImBack(AssistantMessages.AskQuestion),
                CardAction.ImBack(AssistantMessages.TalkToAdvisor),
            ],
        };
        await turnContext.SendActivityAsync(welcome, cancellationToken);
        await _greeted.SetAsync(turnContext, true, cancellationToken);
    }

    private static bool JoinedSomeoneOtherThanTheBot(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
}
