using Mvai.BotFramework.Dialogs;
using Mvai.BotFramework.Dialogs.Prompts;
using Mvai.BotFramework.Handoff;
using Mvai.BotFramework.Builder;
using Mvai.BotFramework.Protocol;
using Mvai.BotFramework.State;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Assistant;

/// <summary>
/// Handoff in the bot (proxy model): what starts it (a request for a person, crisis, an active threat, a form the
/// user could not finish, repeated unanswerable questions, the end of an intake), relaying the user's messages to
/// the advisor while it lasts, and taking the conversation back on <c>handoff.status</c> completed.
/// </summary>
internal sealed partial class MvaiAssistantBot
{
    /// <summary>After this many answers in a row the guidance could not support, a person is offered.</summary>
    internal const int LowConfidenceBeforeOffer = 2;

    private readonly IStatePropertyAccessor<string> _handoffCase = conversationState.CreateProperty<string>("handoffCase");
    private readonly IStatePropertyAccessor<AdvisorOffer> _advisorOffer = conversationState.CreateProperty<AdvisorOffer>("advisorOffer");
    private readonly IStatePropertyAccessor<int> _lowConfidenceAnswers = conversationState.CreateProperty<int>("lowConfidenceAnswers");

    /// <summary>After the 911 or 988 reply: connect them with a person, keeping any unfinished request.</summary>
    private async Task OnUrgentAsync(ITurnContext turnContext, DialogContext dc, SafetyKind kind, CancellationToken cancellationToken)
    {
        if (await OpenCaseAsync(turnContext, cancellationToken) is { } open)
        {
            await hub.RecordUserMessageAsync(open, turnContext.Activity.Text ?? string.Empty, cancellationToken);
            return;
        }
        // An intake in progress stays where it is: the user can go on with it while the advisor is on the way,
        // and the advisor sees the answers so far.
        var partial = IntakeDialog.ReadDraft(dc.ActiveDialog) is { } draft ? new IntakeOutcome(IntakeOutcomeKind.HandoffRequested, draft) : null;
        var reason = kind == SafetyKind.ActiveThreat ? HandoffReason.ActiveThreat : HandoffReason.Distress;
        await StartHandoffAsync(turnContext, dc, reason, partial, cancellationToken);
    }

    private async Task StartHandoffAsync(
        ITurnContext turnContext, DialogContext dc, HandoffReason reason, IntakeOutcome? intakeOutcome, CancellationToken cancellationToken)
    {
        var request = intakeOutcome?.Request;
        var ticket = new HandoffTicket(
            reason,
            HandoffPriority.ForReason(reason) + HandoffPriority.ForUrgency(request?.Urgency),
            intakeOutcome?.Reference,
            request is null ? [] : IntakeSummary.Facts(request));
        var start = await handoff.StartAsync(turnContext, ticket, cancellationToken);
        if (reason is not (HandoffReason.ActiveThreat or HandoffReason.Distress))
        {
            // The guidance they were given recently did not settle it: the content-gap report lists those questions.
            await answerRecords.MarkHandoffAsync(
                turnContext.Activity.ChannelId ?? string.Empty, turnContext.Activity.Conversation?.Id ?? string.Empty, clock.GetUtcNow() - ResumeAfter, cancellationToken);
        }
        await _handoffCase.SetAsync(turnContext, start.Case.Id, cancellationToken);
        await _advisorOffer.DeleteAsync(turnContext, cancellationToken);
        await _lowConfidenceAnswers.DeleteAsync(turnContext, cancellationToken);
        if (start.NeedsTriage)
        {
            var known = new TriageAnswers
            {
                SomeoneInDanger = request?.SceneStillActive == false ? false : null,
                Urgency = request?.Urgency,
                CallbackPhone = request?.Phone,
                CallbackAsked = request?.Phone is not null,
            };
            await OnDialogTurnAsync(turnContext, dc, await dc.BeginDialogAsync(nameof(TriageDialog), known, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Once an advisor has claimed the conversation, the user's messages go to them and the bot stays quiet. While it
    /// waits, messages are copied to the case for the advisor and the bot goes on helping (questions, the intake);
    /// "leave the queue" leaves it, even in the middle of the triage questions.
    /// </summary>
    private async Task<bool> RelayToAdvisorAsync(ITurnContext turnContext, DialogContext dc, CancellationToken cancellationToken)
    {
        if (await OpenCaseAsync(turnContext, cancellationToken) is not { } open)
        {
            return false;
        }
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return open.State == HandoffCaseState.Claimed;
        }
        if (open.State == HandoffCaseState.Waiting && IsLeaveQueue(text))
        {
            await hub.LeaveAsync(open, cancellationToken);
            await _handoffCase.DeleteAsync(turnContext, cancellationToken);
            if (dc.ActiveDialog?.Id == nameof(TriageDialog))
            {
                await dc.CancelAllDialogsAsync(cancellationToken);
            }
            await turnContext.SendActivityAsync(HandoffMessages.LeftQueue, cancellationToken);
            return true;
        }
        await hub.RecordUserMessageAsync(open, text, cancellationToken);
        return open.State == HandoffCaseState.Claimed;
    }

    /// <summary>The conversation's open case; forgets a case that was closed while the bot was not told.</summary>
    private async Task<HandoffCase?> OpenCaseAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await _handoffCase.GetAsync(turnContext, cancellationToken: cancellationToken) is not { } caseId)
        {
            return null;
        }
        if (await handoffs.GetAsync(caseId, cancellationToken) is { State: not HandoffCaseState.Closed } open)
        {
            return open;
        }
        await _handoffCase.DeleteAsync(turnContext, cancellationToken);
        return null;
    }

    /// <summary>A hub (ours or an external one) reports on the handoff.</summary>
    private async Task OnHandoffStatusAsync(ITurnContext turnContext, HandoffStatus status, CancellationToken cancellationToken)
    {
        switch (status.State)
        {
            case HandoffStates.Accepted:
                await turnContext.SendActivityAsync(status.Message ?? HandoffMessages.AdvisorJoined("An advisor"), cancellationToken);
                break;
            case HandoffStates.Failed:
                await turnContext.SendActivityAsync(HandoffMessages.HubFailed, cancellationToken);
                await BeginTriageAsync(turnContext, cancellationToken);
                break;
            case HandoffStates.Completed:
                await _handoffCase.DeleteAsync(turnContext, cancellationToken);
                var back = Activity.CreateMessage(HandoffMessages.AdvisorEnded);
                back.SuggestedActions = new SuggestedActions
                {
                    Actions = [CardAction.ImBack(AssistantMessages.RequestAssistance), CardAction.ImBack(AssistantMessages.AskQuestion)],
                };
                await turnContext.SendActivityAsync(back, cancellationToken);
                break;
        }
    }

    /// <summary>Nobody claimed the case in time (the watcher has alerted the on-call advisor): collect call-back details.</summary>
    private async Task OnHandoffUnclaimedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(HandoffMessages.NobodyClaimed, cancellationToken);
        await BeginTriageAsync(turnContext, cancellationToken);
    }

    private async Task BeginTriageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        if (dc.ActiveDialog?.Id == nameof(TriageDialog))
        {
            return;
        }
        await dc.CancelAllDialogsAsync(cancellationToken);
        await OnDialogTurnAsync(turnContext, dc, await dc.BeginDialogAsync(nameof(TriageDialog), new TriageAnswers(), cancellationToken), cancellationToken);
    }

    /// <summary>After a stored request: offer a live advisor when one is on duty; after hours, alert on-call if it is urgent today.</summary>
    private async Task AfterSubmittedAsync(ITurnContext turnContext, DialogContext dc, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        if (schedule.IsOpen(clock.GetUtcNow()))
        {
            await OfferAdvisorAsync(turnContext, new AdvisorOffer(HandoffReason.AfterIntake, outcome.Reference), HandoffMessages.OfferAfterIntake, cancellationToken);
        }
        else if (outcome.Request.Urgency == Urgency.Today)
        {
            await StartHandoffAsync(turnContext, dc, HandoffReason.AfterIntake, outcome, cancellationToken);
        }
    }

    private async Task CountLowConfidenceAsync(ITurnContext turnContext, bool lowConfidence, CancellationToken cancellationToken)
    {
        var count = lowConfidence ? await _lowConfidenceAnswers.GetAsync(turnContext, cancellationToken: cancellationToken) + 1 : 0;
        if (count < LowConfidenceBeforeOffer)
        {
            await _lowConfidenceAnswers.SetAsync(turnContext, count, cancellationToken);
            return;
        }
        await _lowConfidenceAnswers.DeleteAsync(turnContext, cancellationToken);
        await OfferAdvisorAsync(turnContext, new AdvisorOffer(HandoffReason.LowConfidence, null), HandoffMessages.OfferAfterLowConfidence, cancellationToken);
    }

    private async Task OfferAdvisorAsync(ITurnContext turnContext, AdvisorOffer offer, string text, CancellationToken cancellationToken)
    {
        await _advisorOffer.SetAsync(turnContext, offer, cancellationToken);
        var message = Activity.CreateMessage(text);
        message.SuggestedActions = new SuggestedActions
        {
            Actions = [CardAction.ImBack(HandoffMessages.YesConnectMe), CardAction.ImBack(HandoffMessages.NoThanks)],
        };
        await turnContext.SendActivityAsync(message, cancellationToken);
    }

    /// <summary>The reply to an offer of a person: yes starts the handoff, no is acknowledged, anything else is routed as usual.</summary>
    private async Task<bool> AnswerAdvisorOfferAsync(ITurnContext turnContext, DialogContext dc, string text, CancellationToken cancellationToken)
    {
        if (await _advisorOffer.GetAsync(turnContext, cancellationToken: cancellationToken) is not { } offer)
        {
            return false;
        }
        await _advisorOffer.DeleteAsync(turnContext, cancellationToken);
        // Only a short reply is an answer to the offer; a longer message is a new question and is routed as usual.
        var answer = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4 ? ConfirmLexicon.Recognize(text) : null;
        if (text == HandoffMessages.YesConnectMe || answer == true)
        {
            var stored = offer.RequestReference is { } reference ? await requests.FindAsync(reference, cancellationToken) : null;
            var outcome = stored is null ? null : new IntakeOutcome(IntakeOutcomeKind.Submitted, stored.Request, stored.Reference);
            await StartHandoffAsync(turnContext, dc, offer.Reason, outcome, cancellationToken);
            return true;
        }
        if (text == HandoffMessages.NoThanks || answer == false)
        {
            await turnContext.SendActivityAsync(HandoffMessages.OfferDeclined, cancellationToken);
            return true;
        }
        return false;
    }

    private static bool IsLeaveQueue(string text) =>
        IntakeUtterances.Normalize(text) is "leave the queue" or "leave queue" or "cancel" or "never mind" or "nevermind"
            or "stop waiting" or "i no longer need an advisor" or "no longer needed";

    /// <summary>A pending offer of a person, and what it would be about.</summary>
    internal sealed record AdvisorOffer(HandoffReason Reason, string? RequestReference);
}
