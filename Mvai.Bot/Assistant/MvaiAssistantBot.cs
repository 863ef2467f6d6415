using System.Text.Json.Nodes;
using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Handoff;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.Bot.Desk.Requester;
using Mvai.Bot.Handoff;
using Mvai.Bot.Handoff.Hours;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Prefill;
using Mvai.Bot.Intake.Requests;
using Mvai.Bot.Answering;
using Mvai.Bot.Answering.Feedback;
using Mvai.Knowledge.Safety;
using Mvai.Knowledge.Corpus;
using Mvai.Knowledge.Understanding;

namespace Mvai.Bot.Assistant;

/// <summary>
/// The assistant's turn handler: greets each conversation once (never for the bot itself), continues an
/// intake in progress, routes other messages (request help, status of a request, a question, a person),
/// and relays the conversation to an advisor while it is handed off (<c>MvaiAssistantBot.Handoff.cs</c>).
/// </summary>
internal sealed partial class MvaiAssistantBot(
    ConversationState conversationState,
    IntakeDialog intake,
    IntakePrefiller prefiller,
    TriageDialog triage,
    IAssistanceRequestStore requests,
    SafetyScreen safety,
    IMessageUnderstanding understanding,
    GuidanceCorpus corpus,
    GuidanceReplies guidanceReplies,
    AnswerFeedback feedback,
    IAnswerRecordStore answerRecords,
    AnswerDelivery answerDelivery,
    HandoffCoordinator handoff,
    AdvisorHub hub,
    IHandoffStore handoffs,
    AdvisorSchedule schedule,
    RequesterReplies requesterReplies,
    TimeProvider clock) : IBot
{
    /// <summary>After this long away, a returning user is reminded where the intake stopped before answering.</summary>
    internal static readonly TimeSpan ResumeAfter = TimeSpan.FromMinutes(30);

    private readonly IStatePropertyAccessor<bool> _greeted = conversationState.CreateProperty<bool>("greeted");
    private readonly IStatePropertyAccessor<DialogState> _dialogState = conversationState.CreateProperty<DialogState>("dialogState");
    private readonly IStatePropertyAccessor<DateTimeOffset?> _lastSeen = conversationState.CreateProperty<DateTimeOffset?>("lastSeen");
    private readonly IStatePropertyAccessor<AssistanceRequest> _draft = conversationState.CreateProperty<AssistanceRequest>("intakeDraft");

    // What an acute-incident message said (incident, place, date, casualties), kept for the request it offers to start.
    private readonly IStatePropertyAccessor<AssistanceRequest> _acuteContext = conversationState.CreateProperty<AssistanceRequest>("acuteContext");

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when JoinedSomeoneOtherThanTheBot(activity):
            case ActivityTypes.InstallationUpdate when activity.Action == "add":
            case ActivityTypes.Event when activity.Name == WebChatEvents.Join:
                await OnJoinAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Event when HandoffEvents.TryReadStatus(activity, out var status):
                await OnHandoffStatusAsync(turnContext, status, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == UnclaimedHandoffWatcher.EventName:
                await OnHandoffUnclaimedAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Invoke when activity.Name == FeedbackPayloads.TeamsInvokeName:
                await OnTeamsFeedbackAsync(turnContext, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == FeedbackPayloads.WebChatEventName:
                await OnWebChatFeedbackAsync(turnContext, cancellationToken);
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

    private async Task OnJoinAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        if (dc.ActiveDialog is not null)
        {
            // A page reload or a return visit: remind them where the intake stopped instead of greeting again.
            await turnContext.SendActivityAsync(IntakeMessages.WelcomeBack, cancellationToken);
            await dc.RepromptDialogAsync(cancellationToken);
            return;
        }
        await GreetOnceAsync(turnContext, cancellationToken);
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

    /// <summary>The dialog stack for this turn; a stack left by an older version of a dialog is dropped politely.</summary>
    private async Task<DialogContext> CreateDialogContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await new DialogSet(_dialogState).Add(intake).Add(triage).CreateContextAsync(turnContext, cancellationToken);
        if (dc.DropStaleDialogs())
        {
            await turnContext.SendActivityAsync(IntakeMessages.VersionRestart, cancellationToken);
        }
        return dc;
    }

    private static bool JoinedSomeoneOtherThanTheBot(Activity activity) =>
        activity.MembersAdded?.Any(member => member.Id != activity.Recipient?.Id) == true;
}
