using Mvai.Bot.BotFramework.Dialogs;
using Mvai.Bot.BotFramework.Hosting;
using Mvai.Bot.BotFramework.Protocol;
using Mvai.Bot.Handoff;
using Mvai.Bot.Intake;
using Mvai.Bot.Intake.Requests;
using Mvai.Knowledge.Answering;
using Mvai.Knowledge.Safety;

namespace Mvai.Bot.Assistant;

internal sealed partial class MvaiAssistantBot
{
    private async Task OnMessageAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        activity.Text = activity.RemoveRecipientMention();
        var dc = await CreateDialogContextAsync(turnContext, cancellationToken);
        var now = clock.GetUtcNow();
        var lastSeen = await _lastSeen.GetAsync(turnContext, cancellationToken: cancellationToken);
        await _lastSeen.SetAsync(turnContext, now, cancellationToken);

        // Safety before anything else, even mid-intake: a live threat or a person in crisis is answered at once,
        // then connected with a person.
        if (safety.Screen(activity.Text ?? string.Empty) is { Kind: SafetyKind.ActiveThreat or SafetyKind.Distress } urgent)
        {
            await turnContext.SendActivityAsync(urgent.Reply, cancellationToken);
            await OnUrgentAsync(turnContext, dc, urgent.Kind, cancellationToken);
            return;
        }

        if (await RelayToAdvisorAsync(turnContext, dc, cancellationToken))
        {
            return;
        }

        if (dc.ActiveDialog is not null)
        {
            if (lastSeen is { } seen && now - seen > ResumeAfter)
            {
                await turnContext.SendActivityAsync(IntakeMessages.WelcomeBack, cancellationToken);
                await dc.RepromptDialogAsync(cancellationToken);
                return;
            }
            await OnDialogTurnAsync(turnContext, dc, await dc.ContinueDialogAsync(cancellationToken), cancellationToken);
            return;
        }
        await RouteAsync(turnContext, dc, cancellationToken);
    }

    private async Task RouteAsync(ITurnContext turnContext, DialogContext dc, CancellationToken cancellationToken)
    {
        var text = turnContext.Activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turnContext.SendActivityAsync(AssistantMessages.EmptyMessage, cancellationToken);
            return;
        }
        if (await AnswerAdvisorOfferAsync(turnContext, dc, text, cancellationToken))
        {
            return;
        }
        if (ReferenceNumbers.Find(text) is { } reference)
        {
            await SendStatusAsync(turnContext, reference, cancellationToken);
            return;
        }
        if (text == AssistantMessages.TalkToAdvisor || IntakeUtterances.IsHandoff(IntakeUtterances.Normalize(text)))
        {
            await StartHandoffAsync(turnContext, dc, HandoffReason.UserAsked, null, cancellationToken);
            return;
        }
        if (AssistantIntents.IsContinue(text) && await _draft.GetAsync(turnContext, cancellationToken: cancellationToken) is { } draft)
        {
            await OnDialogTurnAsync(turnContext, dc, await dc.BeginDialogAsync(nameof(IntakeDialog), draft, cancellationToken), cancellationToken);
            return;
        }
        if (text == AssistantMessages.RequestAssistance || AssistantIntents.IsRequestForHelp(text))
        {
            var localNow = (turnContext.Activity.LocalTimestamp ?? clock.GetUtcNow()).DateTime;
            var known = await prefiller.ExtractAsync(text, localNow, cancellationToken);
            await turnContext.SendActivityAsync(IntakeMessages.Start, cancellationToken);
            await OnDialogTurnAsync(turnContext, dc, await dc.BeginDialogAsync(nameof(IntakeDialog), known, cancellationToken), cancellationToken);
            return;
        }
        if (AssistantIntents.IsGreeting(text))
        {
            await turnContext.SendActivityAsync(AssistantMessages.Fallback, cancellationToken);
            return;
        }
        if (text == AssistantMessages.AskQuestion)
        {
            await turnContext.SendActivityAsync(AssistantMessages.AskYourQuestion, cancellationToken);
            return;
        }
        await guidanceReplies.SendAnswerAsync(turnContext, text,
            (context, answer, ct) => CountLowConfidenceAsync(context, answer.Kind == AnswerKind.LowConfidence, ct), cancellationToken);
    }

    private async Task OnDialogTurnAsync(ITurnContext turnContext, DialogContext dc, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (result.Status != DialogTurnStatus.Complete)
        {
            return;
        }
        switch (result.Result)
        {
            case IntakeOutcome outcome:
                await OnIntakeEndedAsync(turnContext, dc, outcome, cancellationToken);
                break;
            case TriageAnswers answers:
                await handoff.CompleteTriageAsync(turnContext, answers, cancellationToken);
                break;
        }
    }

    private async Task OnIntakeEndedAsync(ITurnContext turnContext, DialogContext dc, IntakeOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Kind is IntakeOutcomeKind.ActiveScene or IntakeOutcomeKind.HandoffRequested or IntakeOutcomeKind.GaveUp)
        {
            await _draft.SetAsync(turnContext, outcome.Request, cancellationToken);
        }
        else
        {
            await _draft.DeleteAsync(turnContext, cancellationToken);
        }
        switch (outcome.Kind)
        {
            case IntakeOutcomeKind.HandoffRequested:
                await StartHandoffAsync(turnContext, dc, HandoffReason.UserAsked, outcome, cancellationToken);
                break;
            case IntakeOutcomeKind.GaveUp:
                await StartHandoffAsync(turnContext, dc, HandoffReason.PromptGaveUp, outcome, cancellationToken);
                break;
            case IntakeOutcomeKind.ActiveScene:
                await StartHandoffAsync(turnContext, dc, HandoffReason.ActiveThreat, outcome, cancellationToken);
                break;
            case IntakeOutcomeKind.Submitted:
                await AfterSubmittedAsync(turnContext, dc, outcome, cancellationToken);
                break;
        }
    }

    /// <summary>Answers only to the conversation or user that made the request, so references cannot be probed.</summary>
    private async Task SendStatusAsync(ITurnContext turnContext, string reference, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var stored = await requests.FindAsync(reference, cancellationToken);
        var isOwn = stored is not null && stored.ChannelId == activity.ChannelId
            && (stored.ConversationId == activity.Conversation?.Id || stored.UserId == activity.From?.Id);
        await turnContext.SendActivityAsync(
            isOwn ? AssistantMessages.Status(stored!.Reference, StatusText(stored.Status), stored.SubmittedAt) : AssistantMessages.StatusNotFound,
            cancellationToken);
    }

    private static string StatusText(RequestStatus status) => status switch
    {
        RequestStatus.New => "received and waiting for the MVAI team to review it",
        RequestStatus.Acknowledged => "acknowledged by the MVAI team",
        RequestStatus.Assigned => "assigned to a peer advisor, who will contact you",
        _ => "closed",
    };
}
